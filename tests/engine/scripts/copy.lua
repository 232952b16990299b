local kept
function packet(p) kept = kept or p:copy() end
function finish()
  io.write("first ", kept.num, " ", kept.caplen, " ", kept.ip.src, " ", kept.tcp and "tcp" or "-", " ", kept.tcp.seq, "\n")
end
