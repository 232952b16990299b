#!/usr/bin/env bash
# Flow table tests: each scenario capture (make_flows.py) must end its flows with the
# conn_state, history and counters worked out by hand from the TCP rules below.
# Usage: flows_test.sh TCPLUA CAPDIR SCENARIO
set -u
TL=$1; CAP=$2; SC=$3
HERE=$(cd "$(dirname "$0")" && pwd)
z="rt=0/0 ooo=0/0 dup=0/0 zw=0/0 gap=0/0"
declare -A want
# A complete connection: SYN, SYN/ACK, ACK, 10 bytes each way... FIN each way, acked.
want[sf]="END 40000 fin SF ShADadFf op=6 rp=5 ob=10 rb=20 $z syns=1 rtt=20"
want[s0]="END 40000 eof S0 S op=1 rp=0 ob=0 rb=0 $z syns=1 rtt=-"
want[rej]="END 40000 rst REJ Sr op=1 rp=1 ob=0 rb=0 $z syns=1 rtt=-"
want[s1]="END 40000 eof S1 ShA op=2 rp=1 ob=0 rb=0 $z syns=1 rtt=20"
want[s2]="END 40000 eof S2 ShAF op=3 rp=1 ob=0 rb=0 $z syns=1 rtt=20"
want[s3]="END 40000 eof S3 ShAf op=2 rp=2 ob=0 rb=0 $z syns=1 rtt=20"
want[rsto]="END 40000 rst RSTO ShADR op=4 rp=1 ob=5 rb=0 $z syns=1 rtt=20"
want[rstr]="END 40000 rst RSTR ShAr op=2 rp=2 ob=0 rb=0 $z syns=1 rtt=20"
want[rstos0]="END 40000 rst RSTOS0 SR op=2 rp=0 ob=0 rb=0 $z syns=1 rtt=-"
# The first packet is a SYN/ACK: its sender is the server, so the client never spoke.
want[rstrh]="END 40000 rst RSTRH hr op=0 rp=2 ob=0 rb=0 $z syns=0 rtt=-"
want[sh]="END 40000 eof SH SF op=2 rp=0 ob=0 rb=0 $z syns=1 rtt=-"
want[shr]="END 40000 eof SHR hf op=0 rp=2 ob=0 rb=0 $z syns=0 rtt=-"
want[oth]="END 40000 eof OTH Da op=1 rp=1 ob=10 rb=0 $z syns=0 rtt=-"
# The same 10 bytes sent twice: one retransmission ('T'), payload counted twice.
want[retrans]="END 40000 eof S1 ShADT op=4 rp=1 ob=20 rb=0 rt=1/0 ooo=0/0 dup=0/0 zw=0/0 gap=0/0 syns=1 rtt=20"
# Bytes 11-20 first (a gap, 'G'), then 1-10 fill it: one out-of-order segment.
want[ooo]="END 40000 eof S1 ShADG op=4 rp=1 ob=20 rb=0 rt=0/0 ooo=1/0 dup=0/0 zw=0/0 gap=1/0 syns=1 rtt=20"
# Server bytes 11-20 never arrive ('g'); the client acks 11 three times: two duplicates.
want[dupack]="END 40000 eof S1 ShAdg op=5 rp=4 ob=0 rb=30 rt=0/0 ooo=0/0 dup=2/0 zw=0/0 gap=0/1 syns=1 rtt=20"
want[zerowin]="END 40000 eof S1 ShAaw op=2 rp=2 ob=0 rb=0 rt=0/0 ooo=0/0 dup=0/0 zw=0/1 gap=0/0 syns=1 rtt=20"
want[synflood]="END 41000 eof S0 S op=1 rp=0 ob=0 rb=0 $z syns=1 rtt=-
END 41001 eof S0 S op=1 rp=0 ob=0 rb=0 $z syns=1 rtt=-
END 41002 eof S0 S op=1 rp=0 ob=0 rb=0 $z syns=1 rtt=-
END 41003 eof S0 S op=1 rp=0 ob=0 rb=0 $z syns=1 rtt=-
END 41004 eof S0 S op=1 rp=0 ob=0 rb=0 $z syns=1 rtt=-"
# --max-flows 2: each third flow evicts the least recently active one.
want[evict]="END 41000 evicted S0 S op=1 rp=0 ob=0 rb=0 $z syns=1 rtt=-
END 41001 evicted S0 S op=1 rp=0 ob=0 rb=0 $z syns=1 rtt=-
END 41002 evicted S0 S op=1 rp=0 ob=0 rb=0 $z syns=1 rtt=-
END 41003 eof S0 S op=1 rp=0 ob=0 rb=0 $z syns=1 rtt=-
END 41004 eof S0 S op=1 rp=0 ob=0 rb=0 $z syns=1 rtt=-"
# A SYN retried after 1 s is not a payload retransmission; the RTT runs from the last SYN.
want[synretry]="END 40000 eof S1 ShA op=3 rp=1 ob=0 rb=0 $z syns=2 rtt=20"
want[halfclose]="END 40000 fin SF ShAFadf op=5 rp=4 ob=0 rb=10 $z syns=1 rtt=20"
# UDP: data each way gives 'D' (client) and 'd' (server).
want[udp]="END 40000 eof SF Dd op=1 rp=1 ob=4 rb=8 $z syns=0 rtt=-
END 40001 eof S0 D op=1 rp=0 ob=4 rb=0 $z syns=0 rtt=-"
# ICMP echo: one flow keyed by the identifier (7); bytes are whole ICMP messages.
want[icmp]="END 7 eof OTH - op=1 rp=1 ob=16 rb=16 $z syns=0 rtt=-"
# 400 s of silence: the first flow ends idle (TCP timeout 300 s) before the next opens.
want[idle]="END 42000 idle S0 S op=1 rp=0 ob=0 rb=0 $z syns=1 rtt=-
END 42001 eof S0 S op=1 rp=0 ob=0 rb=0 $z syns=1 rtt=-
END 42002 eof S0 S op=1 rp=0 ob=0 rb=0 $z syns=1 rtt=-"

file=$SC; extra=()
[ "$SC" = evict ] && { file=synflood; extra=(--max-flows 2); }
[ -n "${want[$SC]:-}" ] || { echo "unknown scenario $SC"; exit 1; }
got=$("$TL" -s "$HERE/report.lua" "${extra[@]}" -r "$CAP/$file.pcap" 2>/dev/null | sort)
exp=$(printf '%s\n' "${want[$SC]}" | sort)
if [ "$got" != "$exp" ]; then
  echo "FAIL [flows/$SC]"; diff <(echo "$exp") <(echo "$got"); exit 1
fi
echo "ok [flows/$SC]"
