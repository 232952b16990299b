-- SNMP messages as tcpdump 4.99.3 prints them, for tcplua.print.snmp: the v1/v2c community
-- header (RFC 1157, 1901), the v3 header with USM parameters and scoped PDU (RFC 3412, 3414),
-- and the PDUs (RFC 1157 4.1, RFC 3416 3): request id, error status and index, varbinds.
local tcplua = require "tcplua"

local out = tcplua.out
local vflag = tcplua.opt.v or 0

local GETREQ, GETNEXTREQ, SETREQ, TRAP, GETBULKREQ, INFORMREQ, V2TRAP, REPORT =
    0, 1, 3, 4, 5, 6, 7, 8
local error_status = { [0] = "noError", "tooBig", "noSuchName", "badValue", "readOnly",
    "genErr", "noAccess", "wrongType", "wrongLength", "wrongEncoding", "wrongValue",
    "noCreation", "inconsistentValue", "resourceUnavailable", "commitFailed", "undoFailed",
    "authorizationError", "notWritable", "inconsistentName" }
local generic_trap = { [0] = "coldStart", "warmStart", "linkDown", "linkUp",
    "authenticationFailure", "egpNeighborLoss", "enterpriseSpecific" }
local versions = { [0] = "SNMPv1", "SNMPv2c", [3] = "SNMPv3" }

local A -- the BER helpers of tcplua.print.snmp, given to init
local parse, expect, print_elem

local function status_name(v)
    return error_status[v] or "err=" .. (v & 0xffffffff)
end
-- requests, and PDUs that must carry no error (RFC 3416 4.2)
local function noerr_pdu(id)
    return id == GETREQ or id == GETNEXTREQ or id == SETREQ or id == INFORMREQ
        or id == V2TRAP or id == REPORT
end

local function varbinds(pduid, np, length)
    local e = expect(np, length, "seq", "!SEQ of varbind")
    if not e then return end
    if e.count < length then out("[", length - e.count, " extra after SEQ of varbind]") end
    length, np = e.asnlen, e.data
    local get_class = pduid == GETREQ or pduid == GETNEXTREQ or pduid == GETBULKREQ
    while length > 0 do
        out(" ")
        e = expect(np, length, "seq", "!varbind")
        if not e then return end
        local vbend, vblength = np + e.count, length - e.count
        length, np = e.asnlen, e.data
        e = expect(np, length, "oid", "objName!=OID")
        if not e then return end
        local ok = print_elem(e)
        if not ok then return end
        length, np = length - e.count, np + e.count
        if not get_class then out("=") end
        e = parse(np, length)
        if not e then return end
        if get_class then
            if e.type ~= "null" then
                out("[objVal!=NULL]")
                if not print_elem(e) then return end
            end
        else
            if e.type ~= "null" then ok = print_elem(e) end
            if not ok then return end
        end
        length, np = vblength, vbend
    end
end

local function snmppdu(pduid, np, length)
    local e = expect(np, length, "int", "reqId!=INT")
    if not e then return end
    if vflag > 0 then out("R=", e.value, " ") end
    length, np = length - e.count, np + e.count
    e = expect(np, length, "int", "errorStatus!=INT")
    if not e then return end
    local status = 0
    local v = e.value
    if noerr_pdu(pduid) and v ~= 0 then
        out("[errorStatus(", status_name(v), ")!=0]")
    elseif pduid == GETBULKREQ then
        out(" N=", v)
    elseif v ~= 0 then
        out(" ", status_name(v))
        status = v
    end
    length, np = length - e.count, np + e.count
    e = expect(np, length, "int", "errorIndex!=INT")
    if not e then return end
    v = e.value
    if noerr_pdu(pduid) and v ~= 0 then
        out("[errorIndex(", v, ")!=0]")
    elseif pduid == GETBULKREQ then
        out(" M=", v)
    elseif v ~= 0 then
        if status == 0 then
            out("[errorIndex(", v, ") w/o errorStatus]")
        else
            out("@", v)
        end
    elseif status ~= 0 then
        out("[errorIndex==0]")
    end
    length, np = length - e.count, np + e.count
    varbinds(pduid, np, length)
end

local function trappdu(np, length)
    out(" ")
    local e = expect(np, length, "oid", "enterprise!=OID")
    if not e or not print_elem(e) then return end
    length, np = length - e.count, np + e.count
    out(" ")
    e = expect(np, length, "inetaddr", "agent-addr!=INETADDR")
    if not e or not print_elem(e) then return end
    length, np = length - e.count, np + e.count
    e = expect(np, length, "int", "generic-trap!=INT")
    if not e then return end
    local generic = e.value
    out(" ", generic_trap[generic] or "gt=" .. generic)
    length, np = length - e.count, np + e.count
    e = expect(np, length, "int", "specific-trap!=INT")
    if not e then return end
    if generic ~= 6 then
        if e.value ~= 0 then out("[specific-trap(", e.value, ")!=0]") end
    else
        out(" s=", e.value)
    end
    length, np = length - e.count, np + e.count
    out(" ")
    e = expect(np, length, "uns", "time-stamp!=TIMETICKS")
    if not e or not print_elem(e) then return end
    length, np = length - e.count, np + e.count
    varbinds(TRAP, np, length)
end

local function pdu(np, length, version)
    local e = parse(np, length)
    if not e then return end
    if e.type ~= "pdu" then return out("[no PDU]") end
    if e.count < length then out("[", length - e.count, " extra after PDU]") end
    if vflag > 0 then out("{ ") end
    if not print_elem(e) then return end
    out(" ")
    local id = e.id
    if version == 0 and (id == GETBULKREQ or id == INFORMREQ or id == V2TRAP
            or id == REPORT) then
        return out("[v2 PDU in v1 message]")
    end
    if version == 1 and id == TRAP then return out("[v1 PDU in v2 message]") end
    if id == TRAP then
        trappdu(e.data, e.asnlen)
    else
        snmppdu(id, e.data, e.asnlen)
    end
    if vflag > 0 then out(" } ") end
end

local function string_field(np, length, what, label)
    local e = expect(np, length, "str", what)
    if not e then return end
    out(label)
    if not A.print_string(e) then return end
    out(" ")
    return e
end

local function scopedpdu(np, length)
    local e = expect(np, length, "seq", "!scoped PDU")
    if not e then return end
    length, np = e.asnlen, e.data
    e = expect(np, length, "str", "contextEngineID!=STR")
    if not e then return end
    length, np = length - e.count, np + e.count
    out("E=")
    if not A.print_octets(e) then return end
    out(" ")
    e = string_field(np, length, "contextName!=STR", "C=")
    if not e then return end
    length, np = length - e.count, np + e.count
    pdu(np, length, 3)
end

local function community(np, length, version)
    local e = expect(np, length, "str", "comm!=STR")
    if not e then return end
    if not (e.asnlen == 6 and A.bytes(e.data, 6) == "public") then
        out("C=")
        if not A.print_string(e) then return end
        out(" ")
    end
    length, np = length - e.count, np + e.count
    pdu(np, length, version)
end

local function usm(np, length)
    local e = expect(np, length, "seq", "!usm")
    if not e then return end
    length, np = e.asnlen, e.data
    e = expect(np, length, "str", "msgAuthoritativeEngineID!=STR")
    if not e then return end
    length, np = length - e.count, np + e.count
    e = expect(np, length, "int", "msgAuthoritativeEngineBoots!=INT")
    if not e then return end
    if vflag > 0 then out("B=", e.value, " ") end
    length, np = length - e.count, np + e.count
    e = expect(np, length, "int", "msgAuthoritativeEngineTime!=INT")
    if not e then return end
    if vflag > 0 then out("T=", e.value, " ") end
    length, np = length - e.count, np + e.count
    e = string_field(np, length, "msgUserName!=STR", "U=")
    if not e then return end
    length, np = length - e.count, np + e.count
    e = expect(np, length, "str", "msgAuthenticationParameters!=STR")
    if not e then return end
    length, np = length - e.count, np + e.count
    e = expect(np, length, "str", "msgPrivacyParameters!=STR")
    if not e then return end
    length = length - e.count
    if e.count < length then out("[", length - e.count, " extra after usm SEQ]") end
end

-- the v3 header (msgGlobalData): returns the offset after it and the security model
local function v3header(np, length)
    local e = expect(np, length, "seq", "!message")
    if not e then return end
    length, np = e.asnlen, e.data
    if vflag > 0 then out("{ ") end
    e = expect(np, length, "int", "msgID!=INT")
    if not e then return end
    length, np = length - e.count, np + e.count
    e = expect(np, length, "int", "msgMaxSize!=INT")
    if not e then return end
    length, np = length - e.count, np + e.count
    e = expect(np, length, "str", "msgFlags!=STR")
    if not e then return end
    if e.asnlen ~= 1 then return out("[msgFlags size ", e.asnlen, "]") end
    local flags = A.bytes(e.data, 1):byte()
    if flags ~= 0 and flags ~= 1 and flags ~= 3 and flags ~= 4 and flags ~= 5
            and flags ~= 7 then
        return out(string.format("[msgFlags=0x%02X]", flags))
    end
    length, np = length - e.count, np + e.count
    out("F=", flags & 1 ~= 0 and "a" or "", flags & 2 ~= 0 and "p" or "",
        flags & 4 ~= 0 and "r" or "", " ")
    e = expect(np, length, "int", "msgSecurityModel!=INT")
    if not e then return end
    length, np = length - e.count, np + e.count
    if e.count < length then out("[", length - e.count, " extra after message SEQ]") end
    if vflag > 0 then out("} ") end
    return np, e.value
end

local function v3msg(np, length)
    local start = np
    local p, model = v3header(np, length)
    if not p then return end
    if model ~= 3 then return out("[security model ", model, "]") end
    if vflag > 0 then out("{ USM ") end
    length, np = length - (p - start), p
    local e = expect(np, length, "str", "msgSecurityParameters!=STR")
    if not e then return end
    length, np = length - e.count, np + e.count
    usm(e.data, e.asnlen)
    if vflag > 0 then out("} ") end
    if vflag > 0 then out("{ ScopedPDU ") end
    scopedpdu(np, length)
    if vflag > 0 then out("} ") end
end

local M = {}

-- helpers: parse, expect, print_elem, print_string, print_octets, bytes (tcplua.print.snmp)
function M.init(helpers)
    A = helpers
    parse, expect, print_elem = A.parse, A.expect, A.print_elem
    return M
end

-- the message at np, length bytes on the wire
function M.message(np, length)
    out(" ")
    local e = expect(np, length, "seq", "!init SEQ")
    if not e then return end
    if e.count < length then out("[", length - e.count, " extra after iSEQ]") end
    length, np = e.asnlen, e.data
    e = expect(np, length, "int", "version!=INT")
    if not e then return end
    local version = e.value
    if not versions[version] then return out("SNMP [version = ", version, "]") end
    if vflag > 0 then out("{ ", versions[version], " ") end
    length, np = length - e.count, np + e.count
    if version == 3 then
        v3msg(np, length)
    else
        community(np, length, version)
    end
    if vflag > 0 then out("} ") end
end

return M
