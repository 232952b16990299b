/* TCP analysis of one segment for its flow: endpoint states, Zeek-style history letters,
 * handshake timing, and sequence-space events (RFC 9293 3.4): retransmissions, gaps,
 * out-of-order segments, duplicate ACKs, zero windows. */
#include <string.h>

#include "flow.h"

#define UNSEEN UINT32_MAX

enum { H_A, H_D, H_I, H_Q, H_S, H_H, H_F, H_R }; /* letters recorded once per direction */

static void hist_add(struct tl_flow *f, char c) {
    size_t n = strlen(f->history);
    if (n < TL_HIST_MAX) {
        f->history[n] = c;
        f->history[n + 1] = '\0';
    }
}

/* Letter `c` (upper case for the client, lower for the server), once per direction. */
static void hist_once(struct tl_flow *f, int dir, int idx, char c) {
    uint16_t bit = (uint16_t)(1u << (idx * 2 + dir));
    if (f->hist_seen & bit)
        return;
    f->hist_seen |= bit;
    hist_add(f, dir ? (char)(c + 32) : c);
}

/* Counting letters appear at the 1st, 10th, 100th ... event. */
static void hist_count(struct tl_flow *f, int dir, uint16_t *count, char c) {
    if (*count < UINT16_MAX)
        (*count)++;
    uint32_t n = *count;
    while (n % 10 == 0)
        n /= 10;
    if (n == 1)
        hist_add(f, dir ? (char)(c + 32) : c);
}

static uint32_t usec_since_first(const struct tl_flow *f, int64_t sec, uint32_t frac, int prec) {
    int64_t us = (sec - f->first_sec) * 1000000;
    if (prec == 9)
        us += ((int64_t)frac - (int64_t)f->first_frac) / 1000;
    else
        us += (int64_t)frac - (int64_t)f->first_frac;
    return us < 0 ? 0 : us >= UNSEEN ? UNSEEN - 1 : (uint32_t)us;
}

static int seq_lt(uint32_t a, uint32_t b) { return (int32_t)(a - b) < 0; }

/* Sequence-space bookkeeping for a segment occupying [seq, seq+len). */
static void seq_events(struct tl_flow *f, struct tl_flow_dir *me, int dir, uint32_t seq,
                       uint32_t len, uint32_t payload) {
    uint32_t end = seq + len;
    if (!me->have_end) {
        me->have_end = 1;
        me->max_end = end;
        return;
    }
    if (len == 0)
        return;
    if (seq_lt(seq, me->max_end)) {
        if (me->have_hole && !seq_lt(seq, me->hole_lo) && seq_lt(seq, me->hole_hi)) {
            if (me->ooo < UINT16_MAX)
                me->ooo++; /* fills a hole left earlier: arrived out of order */
            if (seq == me->hole_lo)
                me->hole_lo = end;
            if (!seq_lt(me->hole_lo, me->hole_hi) || !seq_lt(end, me->hole_hi))
                me->have_hole = 0;
        } else if (payload) {
            hist_count(f, dir, &me->retrans, 'T'); /* Zeek's 't': retransmitted payload */
        }
    } else if (seq != me->max_end) {
        hist_count(f, dir, &me->gaps, 'G');
        me->have_hole = 1;
        me->hole_lo = me->max_end;
        me->hole_hi = seq;
    }
    if (seq_lt(me->max_end, end))
        me->max_end = end;
}

static void handshake(struct tl_flow *f, const struct tl_tcp *t, int dir, uint32_t now_us) {
    struct tl_flow_dir *me = &f->d[dir], *peer = &f->d[!dir];
    uint8_t fl = t->flags;
    if ((fl & 0x12) == 0x02) { /* SYN */
        hist_once(f, dir, H_S, 'S');
        if (fl & 0x05)
            hist_once(f, dir, H_Q, 'Q');
        if (me->state == TL_EP_INACTIVE)
            me->state = TL_EP_SYN_SENT;
        if (!me->have_isn || me->state == TL_EP_SYN_SENT) {
            me->isn = t->seq;
            me->have_isn = 1;
        }
        if (dir == 0) {
            f->syns++;
            if (f->synack_us == UNSEEN) /* the RTT runs from the SYN that was answered */
                f->syn_us = now_us;
        }
    } else if ((fl & 0x12) == 0x12) { /* SYN/ACK */
        hist_once(f, dir, H_H, 'H');
        if (me->state == TL_EP_INACTIVE || me->state == TL_EP_SYN_SENT)
            me->state = TL_EP_SYN_ACK_SENT;
        me->isn = t->seq;
        me->have_isn = 1;
        if (dir == 1 && f->synack_us == UNSEEN)
            f->synack_us = now_us;
    } else if (fl & 0x10) {
        if (me->state == TL_EP_SYN_SENT || me->state == TL_EP_SYN_ACK_SENT)
            me->state = TL_EP_ESTABLISHED;
        if (peer->state == TL_EP_SYN_ACK_SENT && peer->have_isn && t->ack == peer->isn + 1) {
            peer->state = TL_EP_ESTABLISHED;
            if (dir == 0 && f->ack_us == UNSEEN && f->synack_us != UNSEEN)
                f->ack_us = now_us;
        }
    }
}

void tl_flow_tcp_update(struct tl_flow *f, const struct tl_packet *p, int dir, int64_t sec,
                        uint32_t frac, int prec, struct tl_flow_hit *hit) {
    const struct tl_tcp *t = &p->tcp;
    struct tl_flow_dir *me = &f->d[dir], *peer = &f->d[!dir];
    uint8_t fl = t->flags;
    uint32_t plen = t->payload_len;

    handshake(f, t, dir, usec_since_first(f, sec, frac, prec));
    if (!me->have_isn && !(fl & 0x04)) { /* mid-stream: number as if the SYN came just before */
        me->isn = t->seq - 1;
        me->have_isn = 1;
    }
    if (me->state == TL_EP_INACTIVE && !(fl & 0x07))
        me->state = TL_EP_PARTIAL;
    if ((fl & 0x17) == 0x10 && plen == 0)
        hist_once(f, dir, H_A, 'A');
    if (plen > 0)
        hist_once(f, dir, H_D, 'D');
    if ((fl & 0x05) == 0x05)
        hist_once(f, dir, H_I, 'I');
    if (fl & 0x01) {
        hist_once(f, dir, H_F, 'F');
        if (me->state != TL_EP_RESET)
            me->state = TL_EP_CLOSED;
    }
    if (fl & 0x04) {
        hist_once(f, dir, H_R, 'R');
        me->state = TL_EP_RESET;
    }
    if (t->win == 0 && !(fl & 0x04))
        hist_count(f, dir, &me->zero_win, 'W');
    if (t->cksum_checked && t->cksum_calc != 0)
        hist_count(f, dir, &me->badsum, 'C');

    uint32_t seglen = plen + ((fl & 0x02) ? 1 : 0) + ((fl & 0x01) ? 1 : 0);
    if (!(fl & 0x04))
        seq_events(f, me, dir, t->seq, seglen, plen);
    if ((fl & 0x10) && !(fl & 0x07) && plen == 0 && me->have_ack && t->ack == me->last_ack &&
        t->win == me->last_win && me->dupacks < UINT16_MAX)
        me->dupacks++;
    if (fl & 0x10) {
        me->last_ack = t->ack;
        me->last_win = t->win;
        me->have_ack = 1;
    }
    hit->rel_seq = t->seq - me->isn;
    hit->rel_ack = peer->have_isn ? t->ack - peer->isn : t->ack;
    if (me->state == TL_EP_RESET || peer->state == TL_EP_RESET)
        f->end_reason = TL_END_RST;
    else if (me->state == TL_EP_CLOSED && peer->state == TL_EP_CLOSED)
        f->end_reason = TL_END_FIN;
}

/* UDP flows record Zeek's 'D'/'d' for data in each direction. */
void tl_flow_udp_update(struct tl_flow *f, int dir, uint32_t payload) {
    if (payload)
        hist_once(f, dir, H_D, 'D');
}
