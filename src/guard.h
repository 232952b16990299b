/* Limits on a script: a time budget per hook (--script-timeout), a memory cap
 * (--script-memory) and interruption by a signal while a hook runs. */
#ifndef TL_GUARD_H
#define TL_GUARD_H

#include <signal.h>
#include <stddef.h>
#include <time.h>

struct lua_State;

struct tl_guard {
    long timeout_ms;  /* 0: no limit */
    size_t mem_limit; /* bytes, 0: no limit */
    size_t mem_used;
    int mem_exceeded;
    struct timespec start;
    volatile sig_atomic_t armed;     /* a hook is running */
    volatile sig_atomic_t interrupt; /* a signal asked the running hook to stop */
    int timed_out;
    struct lua_State *L;
};

/* The allocator for lua_newstate(); ud is the guard. */
void *tl_guard_alloc(void *ud, void *ptr, size_t osize, size_t nsize);
/* The same without accounting, for runs without --script-memory. */
void *tl_guard_alloc_free(void *ud, void *ptr, size_t osize, size_t nsize);
/* Install the time-budget hook (when a timeout is set). */
void tl_guard_attach(struct tl_guard *g, struct lua_State *L);
void tl_guard_arm(struct tl_guard *g);
void tl_guard_disarm(struct tl_guard *g);
/* From a signal handler: make the running hook (if any) stop at its next instruction. */
void tl_guard_interrupt(struct tl_guard *g);

#endif
