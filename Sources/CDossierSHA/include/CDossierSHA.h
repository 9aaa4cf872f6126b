#ifndef CDOSSIERSHA_H
#define CDOSSIERSHA_H

#include <stddef.h>
#include <stdint.h>

/// The 64 round constants K of FIPS 180-4 4.2.2, for both the hardware and the portable code.
const uint32_t *dossier_sha256_round_constants(void);

/// 1 when this processor has the x86 SHA extensions (and SSSE3 and SSE4.1, which the rounds use),
/// 0 otherwise, and always 0 on other architectures.
int dossier_sha256_hardware_available(void);

/// Compresses `count` consecutive 64-byte blocks at `blocks` into `state` (the eight words of
/// FIPS 180-4, H0 first) with the SHA extensions. Only to be called when
/// `dossier_sha256_hardware_available()` returned 1.
void dossier_sha256_hardware_compress(uint32_t state[8], const uint8_t *blocks, size_t count);

#endif
