/* Loading a tcplua script and calling its hooks. The message handler and the hook
 * functions stay at fixed slots at the bottom of the Lua stack for the whole run. */
#ifndef TL_SCRIPT_H
#define TL_SCRIPT_H

#include <stddef.h>

struct tl_engine;

enum tl_hook {
    TL_HOOK_INIT,
    TL_HOOK_FILTER,
    TL_HOOK_PACKET,
    TL_HOOK_FINISH,
    TL_HOOK_FLOW_START,
    TL_HOOK_FLOW_END,
    TL_HOOK_FILE_START,
    TL_HOOK_FILE_END,
    TL_HOOK_FILE_ERROR,
    TL_HOOK_COUNT
};
#define TL_SLOT_MSGH 1
#define TL_SLOT_HOOK(h) (2 + (h))

void tl_find_luadir(char *out, size_t n);
int tl_find_script(const char *name, const char *luadir, char *out, size_t n);
int tl_script_open(struct tl_engine *e, const char *name, char *err, size_t errlen);
/* --chroot, before it: find the script, read it and the Lua modules it may require, and look
 * up a name and a port once so that the resolver's files stay loaded. 0, or -1 with err. */
int tl_script_snapshot(struct tl_engine *e, const char *name, char *err, size_t errlen);

#endif
