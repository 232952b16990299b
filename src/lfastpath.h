/* The printers' C fast paths, part of the tcplua Lua module (lfastpath.c). */
#ifndef TL_LFASTPATH_H
#define TL_LFASTPATH_H

#include <lauxlib.h>

/* tcpopts, tcpline and fastline; each expects the engine as upvalue 1 */
extern const luaL_Reg tl_fastpath_funcs[];

#endif
