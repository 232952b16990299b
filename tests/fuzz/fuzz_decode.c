/* libFuzzer target: the C decoders. The first input byte picks the link type, the rest is
 * one captured packet; every layer's span must stay inside the captured bytes. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "tcplua/packet.h"

static const int linktypes[] = {1 /* EN10MB */,
                                113 /* SLL */,
                                276 /* SLL2 */,
                                0 /* NULL */,
                                108 /* LOOP */,
                                12 /* RAW */,
                                101 /* RAW */,
                                228 /* IPV4 */,
                                229 /* IPV6 */,
                                9 /* PPP */,
                                50 /* PPP_SERIAL */};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1)
        return 0;
    int lt = linktypes[data[0] % (sizeof(linktypes) / sizeof(linktypes[0]))];
    const uint8_t *pkt = data + 1;
    uint32_t caplen = (uint32_t)(size - 1);
    struct tl_packet p;
    tl_decode(&p, lt, pkt, caplen, caplen + (data[0] >> 4));
    const struct tl_span *spans[] = {&p.eth.span, &p.sll.span,  &p.null.span, &p.vlan.span,
                                     &p.arp.span, &p.ip.span,   &p.ip6.span,  &p.tcp.span,
                                     &p.udp.span, &p.icmp.span, &p.icmp6.span};
    for (int l = 0; l < TL_LAYER_COUNT; l++)
        if (TL_HAS(&p, l) && spans[l]->off + spans[l]->have > caplen)
            abort(); /* a decoder claimed bytes that were not captured */
    if (p.payload_off + p.payload_len > caplen && p.payload_len)
        abort();
    return 0;
}
