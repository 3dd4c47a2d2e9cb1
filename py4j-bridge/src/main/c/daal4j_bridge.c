/*
 * daal4j bridge: the JVM reads numpy arrays straight out of the Python process's memory, and
 * writes results straight into arrays numpy allocated (Linux cross-memory attach,
 * process_vm_readv/writev): one copy, with no shared file in between. Python is blocked in
 * its Py4J call meanwhile, so the memory does not change under the copy.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <jni.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/uio.h>

/*
 * Copies `bytes` bytes between the primitive Java array `array` (elements of `elementBytes`
 * bytes), from its byte `at` on, and `address` in process `pid`: out of the process when
 * `into_java`, else into it. Returns the number of bytes copied, or -errno.
 */
static jlong move(JNIEnv *env, jint pid, jlong address, jarray array, jlong at, jlong bytes, jint elementBytes,
                  int into_java) {
    jlong capacity = (jlong) (*env)->GetArrayLength(env, array) * elementBytes;
    if (at < 0 || bytes < 0 || elementBytes <= 0 || at > capacity - bytes) {
        return -EINVAL;
    }
    if (bytes == 0) {
        return 0;
    }
    /* critical: the copy lands in (or leaves from) the Java array itself, no JNI copy of it */
    char *base = (*env)->GetPrimitiveArrayCritical(env, array, NULL);
    if (base == NULL) {
        return -ENOMEM;
    }
    size_t want = (size_t) bytes;
    size_t done = 0;
    jlong error = 0;
    while (done < want) {
        struct iovec local = {base + at + done, want - done};
        struct iovec remote = {(void *) (uintptr_t) (address + (jlong) done), want - done};
        ssize_t n = into_java ? process_vm_readv((pid_t) pid, &local, 1, &remote, 1, 0)
                              : process_vm_writev((pid_t) pid, &local, 1, &remote, 1, 0);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            error = -errno;
            break;
        }
        if (n == 0) {
            error = -EFAULT;
            break;
        }
        done += (size_t) n;
    }
    /* JNI_ABORT after a write out: the Java array was only read */
    (*env)->ReleasePrimitiveArrayCritical(env, array, base, into_java ? 0 : JNI_ABORT);
    return error != 0 ? error : (jlong) done;
}

/* daal4j.bridge.ProcessMemory.read0(int pid, long address, Object into, long at, long bytes, int elementBytes) */
JNIEXPORT jlong JNICALL Java_daal4j_bridge_ProcessMemory_read0(JNIEnv *env, jclass cls, jint pid, jlong address,
                                                                jarray into, jlong at, jlong bytes,
                                                                jint elementBytes) {
    (void) cls;
    return move(env, pid, address, into, at, bytes, elementBytes, 1);
}

/* daal4j.bridge.ProcessMemory.write0(int pid, long address, Object from, long at, long bytes, int elementBytes) */
JNIEXPORT jlong JNICALL Java_daal4j_bridge_ProcessMemory_write0(JNIEnv *env, jclass cls, jint pid, jlong address,
                                                                 jarray from, jlong at, jlong bytes,
                                                                 jint elementBytes) {
    (void) cls;
    return move(env, pid, address, from, at, bytes, elementBytes, 0);
}
