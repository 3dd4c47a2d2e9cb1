/*
 * daal4j bridge: the JVM reads numpy arrays straight out of the Python process's memory
 * (Linux cross-memory attach, process_vm_readv): one copy, into the Java array, with no
 * shared file in between. Python is blocked in its Py4J call meanwhile, so the memory read
 * does not change under the copy.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <jni.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/uio.h>

/*
 * daal4j.bridge.ProcessMemory.read0(int pid, long address, Object into, long at, long bytes,
 * int elementBytes): copies `bytes` bytes from `address` in process `pid` into the primitive
 * Java array `into` (elements of `elementBytes` bytes) from its byte `at` on. Returns the
 * number of bytes copied, or -errno.
 */
JNIEXPORT jlong JNICALL Java_daal4j_bridge_ProcessMemory_read0(JNIEnv *env, jclass cls, jint pid, jlong address,
                                                                jarray into, jlong at, jlong bytes,
                                                                jint elementBytes) {
    (void) cls;
    jlong capacity = (jlong) (*env)->GetArrayLength(env, into) * elementBytes;
    if (at < 0 || bytes < 0 || elementBytes <= 0 || at > capacity - bytes) {
        return -EINVAL;
    }
    if (bytes == 0) {
        return 0;
    }
    /* critical: the copy lands in the Java array itself (no JNI copy of a region) */
    char *base = (*env)->GetPrimitiveArrayCritical(env, into, NULL);
    if (base == NULL) {
        return -ENOMEM;
    }
    size_t want = (size_t) bytes;
    size_t done = 0;
    jlong error = 0;
    while (done < want) {
        struct iovec local = {base + at + done, want - done};
        struct iovec remote = {(void *) (uintptr_t) (address + (jlong) done), want - done};
        ssize_t n = process_vm_readv((pid_t) pid, &local, 1, &remote, 1, 0);
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
    (*env)->ReleasePrimitiveArrayCritical(env, into, base, 0);
    return error != 0 ? error : (jlong) done;
}
