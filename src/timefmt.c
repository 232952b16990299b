/* Timestamp prefixes for tcpdump's -t, -tt, -ttt, -tttt, -ttttt and the default mode.
 * Local time is converted once per distinct second and reused (see timefmt.h). */
#include "timefmt.h"

#include <string.h>
#include <time.h>

#include "options.h"

void tl_timefmt_init(struct tl_timefmt *t, int mode, int prec) {
    memset(t, 0, sizeof(*t));
    t->mode = mode;
    t->prec = prec;
    t->cached_sec = INT64_MIN;
}

static size_t put_digits(char *p, uint64_t v, int width) {
    for (int i = width - 1; i >= 0; i--) {
        p[i] = (char)('0' + v % 10);
        v /= 10;
    }
    return (size_t)width;
}

static size_t put_uint(char *p, uint64_t v) {
    char tmp[24];
    int i = sizeof(tmp);
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    memcpy(p, tmp + i, sizeof(tmp) - (size_t)i);
    return sizeof(tmp) - (size_t)i;
}

static void cache_local(struct tl_timefmt *t, int64_t sec, int with_date) {
    time_t tt = (time_t)sec;
    struct tm tm;
    t->cached_sec = sec;
    if (!localtime_r(&tt, &tm)) {
        memcpy(t->cached_hms, "[Error converting time]", 23); /* tcpdump's wording */
        t->cached_len = 23;
        return;
    }
    size_t n = strftime(t->cached_hms, sizeof(t->cached_hms),
                        with_date ? "%Y-%m-%d %H:%M:%S" : "%H:%M:%S", &tm);
    t->cached_len = n;
}

/* Delta as " HH:MM:SS.frac " (tcpdump prints hours past 24 as they come). */
static size_t put_delta(struct tl_timefmt *t, char *p, int64_t sec, uint32_t frac, int64_t bsec,
                        uint32_t bfrac) {
    uint32_t scale = t->prec == 9 ? 1000000000u : 1000000u;
    int64_t ds = sec - bsec;
    int64_t df = (int64_t)frac - (int64_t)bfrac;
    if (df < 0) {
        df += scale;
        ds -= 1;
    }
    int neg = 0;
    if (ds < 0) { /* time went backwards: print a negative delta */
        neg = 1;
        if (df) {
            ds = -ds - 1;
            df = scale - df;
        } else {
            ds = -ds;
        }
    }
    size_t n = 0;
    p[n++] = ' ';
    if (neg)
        p[n++] = '-';
    n += put_digits(p + n, (uint64_t)(ds / 3600), 2);
    p[n++] = ':';
    n += put_digits(p + n, (uint64_t)(ds / 60 % 60), 2);
    p[n++] = ':';
    n += put_digits(p + n, (uint64_t)(ds % 60), 2);
    p[n++] = '.';
    n += put_digits(p + n, (uint64_t)df, t->prec);
    p[n++] = ' ';
    return n;
}

size_t tl_timefmt_format(struct tl_timefmt *t, int64_t sec, uint32_t frac, char *buf) {
    size_t n = 0;
    switch (t->mode) {
    case TL_T_NONE: return 0;
    case TL_T_UNIX:
        n = put_uint(buf, (uint64_t)sec);
        buf[n++] = '.';
        n += put_digits(buf + n, frac, t->prec);
        buf[n++] = ' ';
        return n;
    case TL_T_DELTA:
        if (!t->have_prev) {
            t->have_prev = 1;
            t->prev_sec = sec;
            t->prev_frac = frac;
        }
        n = put_delta(t, buf, sec, frac, t->prev_sec, t->prev_frac);
        t->prev_sec = sec;
        t->prev_frac = frac;
        return n;
    case TL_T_SINCE:
        if (!t->have_first) {
            t->have_first = 1;
            t->first_sec = sec;
            t->first_frac = frac;
        }
        return put_delta(t, buf, sec, frac, t->first_sec, t->first_frac);
    default:
        if (sec != t->cached_sec)
            cache_local(t, sec, t->mode == TL_T_DATE);
        memcpy(buf, t->cached_hms, t->cached_len);
        n = t->cached_len;
        buf[n++] = '.';
        n += put_digits(buf + n, frac, t->prec);
        buf[n++] = ' ';
        return n;
    }
}
