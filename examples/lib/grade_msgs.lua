-- grade_msgs.lua: the feedback texts of grade-exercise.lua, in English and Japanese.
-- Each language uses the same %-arguments in the same order; keep them in step.
return {
    en = {
        name1 = "TCP connection to port %s",
        name2 = "three-way handshake",
        name3 = "data transfer",
        name4 = "connection teardown",
        client = "client", server = "server",
        Client = "The client", Server = "The server",
        c1_pass = "%s opened a TCP connection to %s.",
        c1_noanswer = "%s tried to open a TCP connection to %s (no packet came back).",
        c1_none = "The capture holds no TCP connection to port %s.",
        c1_empty = "The capture holds no packets at all.",
        c1_noclient = "No TCP connection from %s to port %s; the capture has them only from %s.",
        nograde = "There is no connection to grade.",
        c2_pass = "SYN, then SYN/ACK acknowledging the client's initial sequence number + 1, "
            .. "then ACK of the server's initial sequence number + 1, in that order.",
        c2_nosyn = "The capture starts in the middle of the connection: there is no SYN "
            .. "from the client.",
        c2_refused = "The server refused the connection with RST instead of answering with SYN/ACK.",
        c2_nosynack = "The server never answered the SYN with a SYN/ACK.",
        c2_nosynack_retry = "The server never answered the SYN with a SYN/ACK, though the "
            .. "client sent it %d times.",
        c2_badsynack = "The SYN/ACK acknowledges %s, but the client's initial sequence "
            .. "number + 1 is %s.",
        c2_noack = "The client never acknowledged the server's SYN/ACK, so the handshake "
            .. "is not complete.",
        c2_badack = "The client's ACK acknowledges %s, but the server's initial sequence "
            .. "number + 1 is %s.",
        c3_pass = "The client sent %d bytes and the server %d bytes, both with PUSH, and each "
            .. "side acknowledged every byte of the other.",
        c3_nodata = "%s sent no data.",
        c3_nopsh = "%s's data never carries the PUSH flag.",
        c3_unacked = "%s sent %d bytes but the %s acknowledged only %d of them.",
        c4_pass = "Each side sent a FIN and each FIN was acknowledged.",
        c4_pass_rst = "Each side sent a FIN and each FIN was acknowledged (an RST came "
            .. "afterwards).",
        c4_rst = "%s aborted the connection with RST instead of closing it with FIN.",
        c4_nofin = "%s never sent a FIN.",
        c4_nofin_both = "Neither side sent a FIN: the capture ends with the connection still open.",
        c4_finunacked = "%s's FIN was never acknowledged by the %s.",
        head = "== %s: %d/%d points",
        graded = "graded connection %d of %d to port %s: %s > %s, %d packets "
            .. "(conn_state %s, history %s)",
        warn_cut = "warning: the capture is cut off mid-record (%s); graded on the %d "
            .. "packets it holds.",
        unreadable = "%s: not a readable capture: %s",
        unreadable_short = "%s: not a readable capture",
        pass = "PASS", fail = "FAIL",
        summary = "summary: %d capture(s): %d passed every criterion, %d failed some, "
            .. "%d unreadable",
    },
    ja = {
        name1 = "ポート %s への TCP 接続",
        name2 = "3ウェイハンドシェイク（接続の確立）",
        name3 = "データ転送",
        name4 = "接続の切断",
        client = "クライアント", server = "サーバ",
        Client = "クライアント", Server = "サーバ",
        c1_pass = "%s から %s への TCP 接続が記録されています。",
        c1_noanswer = "%s から %s への TCP 接続を試みていますが、応答のパケットがありません。",
        c1_none = "ポート %s への TCP 接続がキャプチャに見当たりません。",
        c1_empty = "キャプチャにパケットが一つも記録されていません。",
        c1_noclient = "%s からポート %s への TCP 接続がありません（記録されているのは %s "
            .. "からの接続だけです）。",
        nograde = "採点できる接続がありません。",
        c2_pass = "SYN、クライアントの初期シーケンス番号＋1 を確認応答する SYN/ACK、"
            .. "サーバの初期シーケンス番号＋1 を確認応答する ACK が正しい順序でそろっています。",
        c2_nosyn = "接続の途中からキャプチャが始まっていて、クライアントの SYN がありません。",
        c2_refused = "サーバは SYN/ACK を返さず、RST で接続を拒否しています。",
        c2_nosynack = "サーバが SYN に対して SYN/ACK を返していません。",
        c2_nosynack_retry = "クライアントは SYN を %d 回送りましたが、サーバは SYN/ACK を"
            .. "返していません。",
        c2_badsynack = "SYN/ACK の確認応答番号が %s になっていますが、クライアントの"
            .. "初期シーケンス番号＋1 は %s です。",
        c2_noack = "クライアントがサーバの SYN/ACK に ACK を返していないため、"
            .. "ハンドシェイクが完了していません。",
        c2_badack = "クライアントの ACK の確認応答番号が %s になっていますが、サーバの"
            .. "初期シーケンス番号＋1 は %s です。",
        c3_pass = "クライアントは %d バイト、サーバは %d バイトのデータを PUSH 付きで送り、"
            .. "どちらも相手のデータをすべて確認応答しています。",
        c3_nodata = "%sがデータを送っていません。",
        c3_nopsh = "%sのデータに PUSH フラグが一度も付いていません。",
        c3_unacked = "%sは %d バイト送りましたが、%sが確認応答したのはそのうち %d バイトだけです。",
        c4_pass = "両側が FIN を送り、どちらの FIN も確認応答されています。",
        c4_pass_rst = "両側が FIN を送り、どちらの FIN も確認応答されています（その後に RST "
            .. "が送られています）。",
        c4_rst = "%sが FIN による通常の切断ではなく、RST で接続を強制終了しています。",
        c4_nofin = "%sが FIN を送っていません。",
        c4_nofin_both = "どちらの側も FIN を送っておらず、接続が開いたままキャプチャが終わっています。",
        c4_finunacked = "%sの FIN に対して%sからの確認応答がありません。",
        head = "== %s: %d/%d 点",
        graded = "採点した接続: %d 件目／全 %d 件（ポート %s 宛て）: %s > %s、%d パケット"
            .. "（conn_state %s、history %s）",
        warn_cut = "警告: キャプチャがレコードの途中で切れています（%s）。読み取れた %d "
            .. "パケットで採点しました。",
        unreadable = "%s: キャプチャファイルとして読み取れません: %s",
        unreadable_short = "%s: キャプチャファイルとして読み取れません",
        pass = "合格", fail = "不合格",
        summary = "まとめ: キャプチャ %d 件のうち、全項目合格 %d 件、不合格の項目あり %d 件、"
            .. "読み取れないファイル %d 件",
    },
}
