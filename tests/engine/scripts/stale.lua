local kept
function packet(p) kept = kept or p end
function finish() print(kept.caplen) end
