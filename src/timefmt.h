/* Timestamp text for tcpdump's -t modes, with the broken-down local time cached per
 * second (glibc's localtime() stats /etc/localtime on every call when TZ is unset). */
#ifndef TL_TIMEFMT_H
#define TL_TIMEFMT_H

#include <stddef.h>
#include <stdint.h>

struct tl_timefmt {
    int mode; /* enum tl_tmode */
    int prec; /* 6 or 9 */
    int64_t cached_sec;
    char cached_hms[32]; /* "HH:MM:SS" or "YYYY-MM-DD HH:MM:SS" for cached_sec */
    size_t cached_len;
    int have_prev, have_first;
    int64_t prev_sec, first_sec;
    uint32_t prev_frac, first_frac;
};

void tl_timefmt_init(struct tl_timefmt *t, int mode, int prec);
/* Writes the timestamp prefix (with its trailing space, or nothing for -t) into buf
 * (at least 64 bytes); returns its length. Advances the delta state. */
size_t tl_timefmt_format(struct tl_timefmt *t, int64_t sec, uint32_t frac, char *buf);

#endif
