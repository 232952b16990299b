/* The script side of the engine: finding the script, making the Lua state (package.path,
 * the tcplua module, the packet metatables), loading the chunk and holding its hooks. */
#include <arpa/inet.h>
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "engine.h"
#include "script.h"

static struct tl_engine *the_engine; /* one engine per process */

static int file_exists(const char *p) { return access(p, R_OK) == 0; }

static int try_dir(char *out, size_t n, const char *dir, const char *name) {
    snprintf(out, n, "%s/%s", dir, name);
    if (file_exists(out))
        return 1;
    snprintf(out, n, "%s/%s.lua", dir, name);
    return file_exists(out);
}

/* The directory of shipped scripts: $TCPLUA_LUADIR, else next to an installed binary, the
 * source tree's lua/ for a binary in a build tree, else the configured install directory. */
void tl_find_luadir(char *out, size_t n) {
    const char *env = getenv("TCPLUA_LUADIR"); /* the shipped scripts' directory, overridden */
    if (env && *env) {
        snprintf(out, n, "%s", env);
        return;
    }
    char exe[4096];
    ssize_t k = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    if (k > 0) {
        exe[k] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash)
            *slash = '\0';
        snprintf(out, n, "%s/../share/tcplua/default.lua", exe);
        if (file_exists(out)) {
            snprintf(out, n, "%s/../share/tcplua", exe);
            return;
        }
        char cache[4200];
        snprintf(cache, sizeof(cache), "%s/CMakeCache.txt", exe);
        if (file_exists(cache)) {
            snprintf(out, n, "%s", TL_SOURCE_LUADIR);
            return;
        }
    }
    snprintf(out, n, "%s", TL_INSTALL_LUADIR);
}

/* Search order for -s NAME: a path (NAME has a '/') as given, else under the shipped
 * scripts' directory (so -s examples/x.lua works installed too); a bare name in the current
 * directory, each directory of $TCPLUA_PATH, then the shipped scripts. ".lua" may be left
 * off. */
int tl_find_script(const char *name, const char *luadir, char *out, size_t n) {
    if (strchr(name, '/')) {
        snprintf(out, n, "%s", name);
        if (file_exists(out) || name[0] == '/')
            return file_exists(out);
        return try_dir(out, n, luadir, name);
    }
    if (try_dir(out, n, ".", name)) {
        snprintf(out, n, "%s", name);
        if (!file_exists(out))
            snprintf(out, n, "%s.lua", name);
        return 1;
    }
    const char *path = getenv("TCPLUA_PATH");
    if (path) {
        char *copy = strdup(path), *save = NULL;
        for (char *d = strtok_r(copy, ":", &save); d; d = strtok_r(NULL, ":", &save)) {
            if (*d && try_dir(out, n, d, name)) {
                free(copy);
                return 1;
            }
        }
        free(copy);
    }
    return try_dir(out, n, luadir, name);
}

/* An error outside any lua_pcall (a bug of ours): say so instead of dying silently. */
static int panic(lua_State *L) {
    const char *msg = lua_tostring(L, -1);
    fprintf(stderr, "tcplua: unprotected Lua error: %s\n", msg ? msg : "(not a string)");
    return 0; /* Lua then aborts */
}

/* Message handler: error value -> text with a traceback. */
static int msgh(lua_State *L) {
    const char *msg = lua_tostring(L, 1);
    if (!msg) {
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING)
            return 1;
        msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    }
    luaL_traceback(L, L, msg, 1);
    return 1;
}

/* os.exit() replacement: output and the -w file are finished before the process ends. */
static int l_os_exit(lua_State *L) {
    struct tl_engine *e = lua_touserdata(L, lua_upvalueindex(1));
    int code;
    if (lua_isboolean(L, 1))
        code = lua_toboolean(L, 1) ? 0 : 1;
    else
        code = (int)luaL_optinteger(L, 1, 0);
    tl_out_flush(&e->out);
    if (e->dumper) {
        pcap_dump_close(e->dumper);
        e->dumper = NULL;
    }
    fflush(NULL);
    exit(code);
}

/* print() and io.write() go through the output buffer, so a script's own text stays in
 * order with what printers append with tcplua.out(). */
static int l_print(lua_State *L) {
    struct tl_engine *e = lua_touserdata(L, lua_upvalueindex(1));
    int n = lua_gettop(L);
    for (int i = 1; i <= n; i++) {
        size_t len;
        const char *s = luaL_tolstring(L, i, &len);
        if (i > 1)
            tl_out_bytes(&e->out, "\t", 1);
        tl_out_bytes(&e->out, s, len);
        lua_pop(L, 1);
    }
    tl_out_bytes(&e->out, "\n", 1);
    return 0;
}

static int l_io_write(lua_State *L) {
    struct tl_engine *e = lua_touserdata(L, lua_upvalueindex(1));
    int n = lua_gettop(L);
    for (int i = 1; i <= n; i++) {
        size_t len;
        const char *s = luaL_checklstring(L, i, &len);
        tl_out_bytes(&e->out, s, len);
    }
    lua_getglobal(L, "io");
    lua_getfield(L, -1, "stdout");
    return 1;
}

static int open_tcplua(lua_State *L) {
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushcclosure(L, tl_luaopen_tcplua, 1);
    lua_call(L, 0, 1);
    return 1;
}

/* hosts(5) file (opened before privileges were dropped) -> table addr -> first name. */
static int load_hosts(lua_State *L, FILE *fp) {
    lua_newtable(L);
    if (!fp)
        return 0;
    char line[1024];
    while (fgets(line, sizeof(line), fp)) {
        char *hash = strchr(line, '#');
        if (hash)
            *hash = '\0';
        char *save = NULL;
        char *addr = strtok_r(line, " \t\r\n", &save);
        char *name = addr ? strtok_r(NULL, " \t\r\n", &save) : NULL;
        if (!name)
            continue;
        if (lua_getfield(L, -1, addr) == LUA_TNIL) { /* the first line for an address wins */
            lua_pop(L, 1);
            lua_pushstring(L, name);
            lua_setfield(L, -2, addr);
        } else {
            lua_pop(L, 1);
        }
    }
    fclose(fp);
    return 0;
}

static int find_script(struct tl_engine *e, const char *name, char *err, size_t errlen) {
    tl_find_luadir(e->luadir, sizeof(e->luadir));
    if (!tl_find_script(name, e->luadir, e->script_path, sizeof(e->script_path))) {
        snprintf(err, errlen, "script %s: not found (looked in ., $TCPLUA_PATH, %s)", name,
                 e->luadir);
        return -1;
    }
    return 0;
}

int tl_script_snapshot(struct tl_engine *e, const char *name, char *err, size_t errlen) {
    if (find_script(e, name, err, errlen) < 0)
        return -1;
    char sdir[4096];
    snprintf(sdir, sizeof(sdir), "%s", e->script_path);
    char *slash = strrchr(sdir, '/');
    if (slash)
        *slash = '\0';
    else
        snprintf(sdir, sizeof(sdir), ".");
    const char *dirs[2] = {e->luadir, sdir};
    if (tl_snapshot_take(&e->snap, e->script_path, dirs, strcmp(sdir, e->luadir) ? 2 : 1, err,
                         errlen) < 0)
        return -1;
    /* the C library reads these files on first use: make that happen outside the chroot */
    tzset();
    setservent(1);
    (void)getservbyport(htons(80), "tcp");
    if (!e->opt->n) {
        struct sockaddr_in sin;
        char host[256];
        memset(&sin, 0, sizeof(sin));
        sin.sin_family = AF_INET;
        sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        (void)getnameinfo((struct sockaddr *)&sin, sizeof(sin), host, sizeof(host), NULL, 0, 0);
    }
    return 0;
}

/* Make the state and load the script. On error fills err and returns TL_ERR_*. */
int tl_script_open(struct tl_engine *e, const char *name, char *err, size_t errlen) {
    lua_State *L =
        lua_newstate(e->guard.mem_limit ? tl_guard_alloc : tl_guard_alloc_free, &e->guard);
    if (!L) {
        snprintf(err, errlen, "cannot create the Lua state: out of memory");
        return TL_ERR_SCRIPT;
    }
    e->L = L;
    lua_atpanic(L, panic);
    luaL_openlibs(L);
    tl_guard_attach(&e->guard, L);
    if (!e->snap.script && find_script(e, name, err, errlen) < 0)
        return TL_ERR_SCRIPT;
    char sdir[4096];
    snprintf(sdir, sizeof(sdir), "%s", e->script_path);
    char *slash = strrchr(sdir, '/');
    if (slash)
        *slash = '\0';
    else
        snprintf(sdir, sizeof(sdir), ".");
    lua_getglobal(L, "os");
    lua_pushlightuserdata(L, e);
    lua_pushcclosure(L, l_os_exit, 1);
    lua_setfield(L, -2, "exit");
    lua_pop(L, 1);
    lua_pushlightuserdata(L, e);
    lua_pushcclosure(L, l_print, 1);
    lua_setglobal(L, "print");
    lua_getglobal(L, "io");
    lua_pushlightuserdata(L, e);
    lua_pushcclosure(L, l_io_write, 1);
    lua_setfield(L, -2, "write");
    lua_pop(L, 1);
    lua_getglobal(L, "package");
    lua_pushfstring(L, "%s/?.lua;%s/?/init.lua;%s/?.lua;", e->luadir, e->luadir, sdir);
    lua_getfield(L, -2, "path");
    lua_concat(L, 2);
    lua_setfield(L, -2, "path");
    lua_getfield(L, -1, "preload");
    lua_pushlightuserdata(L, e);
    lua_pushcclosure(L, open_tcplua, 1);
    lua_setfield(L, -2, "tcplua");
    lua_pop(L, 2);
    if (e->snap.script)
        tl_snapshot_install(L, &e->snap);
    the_engine = e;
    tl_lpkt_register(L);
    tl_lflow_register(L);
    load_hosts(L, e->hosts_fp);
    e->hosts_fp = NULL;
    e->ref_names = luaL_ref(L, LUA_REGISTRYINDEX);

    lua_settop(L, 0);
    lua_pushcfunction(L, msgh); /* stays at index 1 for every pcall */
    int lst;
    if (e->snap.script) {
        lua_pushfstring(L, "@%s", e->script_path);
        lst = luaL_loadbuffer(L, e->snap.script, e->snap.script_len, lua_tostring(L, -1));
        lua_remove(L, -2);
    } else {
        lst = luaL_loadfile(L, e->script_path);
    }
    if (lst != LUA_OK) {
        snprintf(err, errlen, "%s", lua_tostring(L, -1));
        return TL_ERR_SCRIPT;
    }
    tl_guard_arm(&e->guard); /* the chunk itself runs under the script's limits too */
    int st = lua_pcall(L, 0, 0, 1);
    tl_guard_disarm(&e->guard);
    if (st != LUA_OK) {
        if (e->guard.mem_exceeded)
            snprintf(err, errlen, "%s: script memory limit of %zu MB exceeded (--script-memory)",
                     e->script_path, e->guard.mem_limit >> 20);
        else
            snprintf(err, errlen, "%s", lua_tostring(L, -1));
        return TL_ERR_SCRIPT;
    }
    static const char *const hooks[TL_HOOK_COUNT] = {"init",       "filter",     "packet",
                                                     "finish",     "flow_start", "flow_end",
                                                     "file_start", "file_end",   "file_error"};
    for (int i = 0; i < TL_HOOK_COUNT; i++) {
        int t = lua_getglobal(L, hooks[i]);
        if (t != LUA_TFUNCTION && t != LUA_TNIL) {
            snprintf(err, errlen, "%s: hook %s is a %s, not a function", e->script_path, hooks[i],
                     lua_typename(L, t));
            return TL_ERR_SCRIPT;
        }
        /* hooks sit at fixed stack slots TL_SLOT_HOOK0 + i (nil when absent) */
    }
    return 0;
}

struct tl_engine *tl_engine_from(lua_State *L) {
    (void)L;
    return the_engine;
}
