/* Relative TCP sequence numbers, tcpdump-compatible (see seqtrack.h). The table keeps
 * one entry per connection for the whole run, as tcpdump does. */
#include "seqtrack.h"

#include <stdlib.h>
#include <string.h>

struct tl_seq_entry {
    struct tl_seq_entry *next;
    uint8_t a[16], b[16]; /* lower endpoint first */
    uint32_t ports;       /* port of a << 16 | port of b */
    uint8_t alen;
    uint32_t seq, ack; /* bases for the a->b direction */
};

void tl_seqtrack_init(struct tl_seqtrack *t) { memset(t, 0, sizeof(*t)); }

void tl_seqtrack_free(struct tl_seqtrack *t) {
    for (size_t i = 0; i < t->nbuckets; i++) {
        struct tl_seq_entry *e = t->buckets[i];
        while (e) {
            struct tl_seq_entry *n = e->next;
            free(e);
            e = n;
        }
    }
    free(t->buckets);
    memset(t, 0, sizeof(*t));
}

static uint32_t hash_key(const uint8_t *a, const uint8_t *b, int alen, uint32_t ports) {
    uint32_t h = 2166136261u ^ ports;
    for (int i = 0; i < alen; i++) {
        h = (h ^ a[i]) * 16777619u;
        h = (h ^ b[i]) * 16777619u;
    }
    return h ^ (h >> 15);
}

static int grow(struct tl_seqtrack *t) {
    size_t nb = t->nbuckets ? t->nbuckets * 2 : 1024;
    struct tl_seq_entry **nbk = calloc(nb, sizeof(*nbk));
    if (!nbk)
        return -1;
    for (size_t i = 0; i < t->nbuckets; i++) {
        struct tl_seq_entry *e = t->buckets[i];
        while (e) {
            struct tl_seq_entry *n = e->next;
            size_t h = hash_key(e->a, e->b, e->alen, e->ports) & (nb - 1);
            e->next = nbk[h];
            nbk[h] = e;
            e = n;
        }
    }
    free(t->buckets);
    t->buckets = nbk;
    t->nbuckets = nb;
    return 0;
}

int tl_seqtrack_apply(struct tl_seqtrack *t, const uint8_t *src, const uint8_t *dst, int alen,
                      uint16_t sport, uint16_t dport, uint8_t flags, uint32_t *seq, uint32_t *ack) {
    if (!(flags & 0x10)) /* only segments with ACK take part, as in tcpdump */
        return 0;
    int c = memcmp(src, dst, (size_t)alen);
    int rev = c > 0 || (c == 0 && sport > dport);
    const uint8_t *a = rev ? dst : src, *b = rev ? src : dst;
    uint32_t ports = rev ? ((uint32_t)dport << 16 | sport) : ((uint32_t)sport << 16 | dport);
    if (t->count >= t->nbuckets && grow(t) < 0)
        return 0;
    size_t h = hash_key(a, b, alen, ports) & (t->nbuckets - 1);
    struct tl_seq_entry *e = t->buckets[h];
    while (e && !(e->ports == ports && e->alen == alen && memcmp(e->a, a, (size_t)alen) == 0 &&
                  memcmp(e->b, b, (size_t)alen) == 0))
        e = e->next;
    if (!e || (flags & 0x02)) { /* new conversation, or a SYN restarts it */
        if (!e) {
            e = calloc(1, sizeof(*e));
            if (!e)
                return 0;
            memcpy(e->a, a, (size_t)alen);
            memcpy(e->b, b, (size_t)alen);
            e->alen = (uint8_t)alen;
            e->ports = ports;
            e->next = t->buckets[h];
            t->buckets[h] = e;
            t->count++;
        }
        if (rev) {
            e->ack = *seq;
            e->seq = *ack - 1;
        } else {
            e->seq = *seq;
            e->ack = *ack - 1;
        }
        return 1; /* this packet prints absolute numbers */
    }
    if (rev) {
        *seq -= e->ack;
        *ack -= e->seq;
    } else {
        *seq -= e->seq;
        *ack -= e->ack;
    }
    return 0;
}
