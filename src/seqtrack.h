/* Relative TCP sequence numbers computed the way tcpdump prints them: per connection
 * (direction-normalised address/port pair), the base is taken from the first packet with
 * ACK set and reset by every SYN; absolute with -S. */
#ifndef TL_SEQTRACK_H
#define TL_SEQTRACK_H

#include <stddef.h>
#include <stdint.h>

struct tl_seq_entry;

struct tl_seqtrack {
    struct tl_seq_entry **buckets;
    size_t nbuckets, count;
};

void tl_seqtrack_init(struct tl_seqtrack *t);
void tl_seqtrack_free(struct tl_seqtrack *t);
/* addresses are 4 or 16 bytes (alen); seq/ack are in/out: replaced by the printed values.
 * Returns 1 when this segment created or restarted (SYN) its connection's entry. */
int tl_seqtrack_apply(struct tl_seqtrack *t, const uint8_t *src, const uint8_t *dst, int alen,
                      uint16_t sport, uint16_t dport, uint8_t flags, uint32_t *seq, uint32_t *ack);

#endif
