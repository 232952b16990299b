-- A layer kept past its packet's hook: reading it in a later hook must fail, even though
-- the packet hands out the same layer value for repeated reads within a hook.
local kept
function packet(p)
    if not kept then
        kept = p.tcp
        assert(kept ~= nil and rawequal(kept, p.tcp), "p.tcp is not one value within a hook")
        print("kept " .. kept.sport)
        return
    end
    print(kept.syn) -- stale: raises
end
