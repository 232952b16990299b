/* tcpdump's -x, -X and -A dumps of packet bytes, appended to the output buffer. */
#ifndef TL_HEXDUMP_H
#define TL_HEXDUMP_H

#include <stdint.h>

#include "output.h"

/* Hex in 16-byte lines, "\n\t0x0000:  4500 ..." */
void tl_hex(struct tl_output *o, const uint8_t *p, uint32_t n);
/* Hex and ASCII side by side (-X). */
void tl_hex_ascii(struct tl_output *o, const uint8_t *p, uint32_t n);
/* Printable ASCII (-A). */
void tl_ascii(struct tl_output *o, const uint8_t *p, uint32_t n);

#endif
