/* Script limits (see guard.h). The time budget is checked by a Lua count hook every few
 * thousand instructions, so a blocking C call (io.read, os.execute) is out of its reach.
 * A signal sets a hook from the handler, as lua.c does, which is async-signal-safe. */
#include "guard.h"

#include <lauxlib.h>
#include <lua.h>
#include <stdlib.h>

#define CHECK_EVERY 10000 /* VM instructions between clock reads */

/* Without a memory limit: plain realloc/free, nothing counted (this runs per allocation). */
void *tl_guard_alloc_free(void *ud, void *ptr, size_t osize, size_t nsize) {
    (void)ud;
    (void)osize;
    if (nsize == 0) {
        free(ptr);
        return NULL;
    }
    return realloc(ptr, nsize);
}

void *tl_guard_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    struct tl_guard *g = ud;
    size_t old = ptr ? osize : 0; /* with no block, osize is a type tag, not a size */
    if (nsize == 0) {
        free(ptr);
        g->mem_used -= old;
        return NULL;
    }
    /* the cap binds the script (while a hook runs); the engine's own pushes outside any
     * lua_pcall must not fail, or Lua would have no handler to report it to */
    if (g->mem_limit && g->armed && nsize > old && g->mem_used + (nsize - old) > g->mem_limit) {
        g->mem_exceeded = 1;
        return NULL;
    }
    void *p = realloc(ptr, nsize);
    if (p)
        g->mem_used = g->mem_used - old + nsize;
    return p;
}

static long elapsed_ms(const struct timespec *t0) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (now.tv_sec - t0->tv_sec) * 1000 + (now.tv_nsec - t0->tv_nsec) / 1000000;
}

static struct tl_guard *the_guard;

/* Raised inside the running Lua function, with its file:line. */
static void guard_hook(lua_State *L, lua_Debug *ar) {
    struct tl_guard *g = the_guard;
    (void)ar;
    if (!g || !g->armed)
        return;
    const char *why = NULL;
    if (g->interrupt)
        why = "interrupted";
    else if (g->timeout_ms && elapsed_ms(&g->start) > g->timeout_ms) {
        g->timed_out = 1;
        why = "ran longer than --script-timeout allows";
    }
    if (!why)
        return;
    lua_Debug here;
    if (lua_getstack(L, 0, &here) && lua_getinfo(L, "Sl", &here) && here.currentline > 0)
        luaL_error(L, "%s:%d: script %s", here.short_src, here.currentline, why);
    luaL_error(L, "script %s", why);
}

void tl_guard_attach(struct tl_guard *g, lua_State *L) {
    the_guard = g;
    g->L = L;
    if (g->timeout_ms)
        lua_sethook(L, guard_hook, LUA_MASKCOUNT, CHECK_EVERY);
}

void tl_guard_arm(struct tl_guard *g) {
    if (g->timeout_ms)
        clock_gettime(CLOCK_MONOTONIC, &g->start);
    g->armed = 1;
}

void tl_guard_disarm(struct tl_guard *g) {
    g->armed = 0;
    if (g->interrupt && g->L) { /* back to the ordinary hook */
        g->interrupt = 0;
        if (g->timeout_ms)
            lua_sethook(g->L, guard_hook, LUA_MASKCOUNT, CHECK_EVERY);
        else
            lua_sethook(g->L, NULL, 0, 0);
    }
}

void tl_guard_interrupt(struct tl_guard *g) {
    if (g && g->L && g->armed) {
        g->interrupt = 1;
        lua_sethook(g->L, guard_hook, LUA_MASKCALL | LUA_MASKRET | LUA_MASKLINE | LUA_MASKCOUNT, 1);
    }
}
