#ifndef MINZHENG_CFUZZDRIVER_H
#define MINZHENG_CFUZZDRIVER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry for programs that have a `main` of their own (compiler-rt's
/// FuzzerInterface.h): parses the libFuzzer flags in argv and runs `callback` on each input.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
