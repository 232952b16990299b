-- explain_msgs.lua: the sentences explain.lua prints under each packet, in English and
-- Japanese. Each language takes the same %-arguments in the same order; keep them in step.
return {
    en = {
        client = "client", server = "server",
        syn = "%s opens the connection: SYN, initial sequence %s, offers MSS %s",
        syn_nomss = "%s opens the connection: SYN, initial sequence %s",
        syn_again = "%s sends its SYN again: a retransmission, because no answer came in time",
        synack = "%s accepts: ack %s is the client's initial sequence + 1, so the SYN arrived; "
            .. "it opens its own direction with SYN, initial sequence %s, offers MSS %s",
        synack_nomss = "%s accepts: ack %s is the client's initial sequence + 1, so the SYN "
            .. "arrived; it opens its own direction with SYN, initial sequence %s",
        wscale = "the window scale option %d means: multiply its window numbers by %d",
        hs_ack = "%s acknowledges the server's SYN (ack %s = the server's initial sequence + 1): "
            .. "the connection is now open in both directions",
        relative = "from here on tcpdump prints sequence and ack numbers relative to each "
            .. "side's initial sequence number",
        relative_mid = "from here on tcpdump prints sequence and ack numbers relative to the "
            .. "first ones it saw in this connection, not as absolute values",
        midstream = "this connection began before the capture: its handshake is not in the capture",
        data_psh = "%s sends %d bytes with PUSH: hand them to the application at once",
        data = "%s sends %d bytes",
        range = "%s:%s means bytes %s to %s (the number after ':' is one past the last byte)",
        retrans = "these bytes were sent before: a retransmission, because no ACK came in time",
        ack_all = "%s acknowledges all %d bytes (ack %s: the next byte it expects)",
        ack_rest = "%s acknowledges %d more bytes: everything the %s has sent so far "
            .. "(ack %s: the next byte it expects)",
        ack_more = "%s acknowledges %d more bytes, up to byte %s (ack %s: the next byte it "
            .. "expects); %d bytes are still unacknowledged",
        ack_none = "%s has nothing new to acknowledge: ack %s again",
        fin = "%s closes its direction: FIN, it has no more data to send (the FIN takes "
            .. "sequence number %s)",
        ack_fin = "%s acknowledges the %s's FIN (ack %s = the FIN's number %s + 1): "
            .. "that direction is closed",
        closed = "both directions are closed: the connection is over",
        rst = "%s aborts the connection: RST, no FIN exchange, the connection is gone at once",
        refused = "%s refuses the connection: RST in answer to the SYN (nothing listens on "
            .. "port %s)",
        win = "win %d: the %s can accept %d more bytes",
        win0 = "win 0: the %s's receive buffer is full, the %s must wait",
        flag_ack = "'.' means only ACK is set",
        flag_one = "[%s] means only %s is set",
        flag_many = "[%s] means %s are set",
        flag_join = " and ",
        udp = "UDP datagram from port %s to port %s, %d bytes: UDP has no connection, no "
            .. "handshake and no acknowledgements",
        dns = "a DNS message: the name lookup that comes before the connection",
        arp_req = "ARP: asks which Ethernet address has %s",
        arp_rep = "ARP: answers that %s is at %s",
        icmp_req = "ICMP echo request (ping)",
        icmp_rep = "ICMP echo reply: the answer to a ping",
        other = "not TCP: not part of the exercise",
    },
    ja = {
        client = "クライアント", server = "サーバ",
        syn = "%sが接続を開始します: SYN、初期シーケンス番号 %s、MSS %s を提示",
        syn_nomss = "%sが接続を開始します: SYN、初期シーケンス番号 %s",
        syn_again = "%sが SYN をもう一度送っています（応答が時間内に来なかったための再送）",
        synack = "%sが接続を受け入れます: ack %s はクライアントの初期シーケンス番号＋1 で、"
            .. "SYN が届いたことを示します。同時に自分の側も SYN で開きます（初期シーケンス番号 "
            .. "%s、MSS %s を提示）",
        synack_nomss = "%sが接続を受け入れます: ack %s はクライアントの初期シーケンス番号＋1 で、"
            .. "SYN が届いたことを示します。同時に自分の側も SYN で開きます（初期シーケンス番号 %s）",
        wscale = "ウィンドウスケール %d は、ウィンドウの値を %d 倍して読むという意味です",
        hs_ack = "%sがサーバの SYN を確認応答します（ack %s ＝ サーバの初期シーケンス番号＋1）。"
            .. "これで両方向の接続が確立しました",
        relative = "ここから先、tcpdump はシーケンス番号と確認応答番号を、それぞれの側の初期"
            .. "シーケンス番号からの相対値で表示します",
        relative_mid = "ここから先、tcpdump はシーケンス番号と確認応答番号を、この接続で最初に"
            .. "見た番号からの相対値で表示します（絶対値ではありません）",
        midstream = "この接続はキャプチャ開始前に始まっていたため、ハンドシェイクは記録されていません",
        data_psh = "%sが %d バイトを PUSH 付きで送ります（受け取ったらすぐアプリケーションに"
            .. "渡すようにという指示です）",
        data = "%sが %d バイトを送ります",
        range = "%s:%s は %s バイト目から %s バイト目までを表します（: の後ろの数は最後の"
            .. "バイト＋1）",
        retrans = "このバイトは以前にも送られています（ACK が時間内に来なかったための再送）",
        ack_all = "%sは %d バイトすべてを受け取ったと確認応答しています（ack %s は次に受け取る"
            .. "はずのバイトの番号）",
        ack_rest = "%sは新たに %d バイトを確認応答し、%sが送ったデータをすべて受け取りました"
            .. "（ack %s は次に受け取るはずのバイトの番号）",
        ack_more = "%sは新たに %d バイト、%s バイト目までを確認応答しています（ack %s は次に"
            .. "受け取るはずのバイトの番号）。まだ %d バイトが確認応答されていません",
        ack_none = "%sには新たに確認応答するデータがありません（同じ ack %s の繰り返し）",
        fin = "%sが自分の側の送信を終えます: FIN（もう送るデータはありません。FIN はシーケンス"
            .. "番号 %s を使います）",
        ack_fin = "%sが%sの FIN を確認応答します（ack %s ＝ FIN の番号 %s＋1）。この方向の通信は"
            .. "閉じられました",
        closed = "両方向とも閉じられ、接続が終了しました",
        rst = "%sが RST で接続を強制終了します（FIN のやり取りはなく、接続はその場で消えます）",
        refused = "%sが SYN に RST で応え、接続を拒否しています（ポート %s で待ち受けている"
            .. "プログラムがありません）",
        win = "win %d: %sはあと %d バイトまで受け取れます",
        win0 = "win 0: %sの受信バッファが一杯なので、%sは送信を待たなければなりません",
        flag_ack = "「.」は ACK だけが立っていることを表します",
        flag_one = "[%s] は %s だけが立っていることを表します",
        flag_many = "[%s] は %s が立っていることを表します",
        flag_join = " と ",
        udp = "UDP データグラム（ポート %s からポート %s へ、%d バイト）: UDP には接続も"
            .. "ハンドシェイクも確認応答もありません",
        dns = "DNS のメッセージです: 接続の前に行う名前の問い合わせです",
        arp_req = "ARP: %s を持つ Ethernet アドレスを問い合わせています",
        arp_rep = "ARP: %s は %s にあると答えています",
        icmp_req = "ICMP エコー要求（ping）",
        icmp_rep = "ICMP エコー応答: ping への返事です",
        other = "TCP ではありません（この演習の対象外です）",
    },
}
