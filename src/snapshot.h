/* --chroot: the script and the Lua modules it may require, read before the chroot
 * (snapshot.c). */
#ifndef TL_SNAPSHOT_H
#define TL_SNAPSHOT_H

#include <stddef.h>

#include <lua.h>

struct tl_snap_file {
    char *module; /* "tcplua.print.ip" */
    char *path;   /* where it was read, for messages */
    char *src;
    size_t len;
};

struct tl_snapshot {
    char *script; /* NULL: no snapshot was taken */
    size_t script_len;
    struct tl_snap_file *files;
    size_t n, cap, total;
};

/* Read script and every *.lua under dirs. Returns 0, or -1 with err set. */
int tl_snapshot_take(struct tl_snapshot *s, const char *script, const char *const *dirs, int ndirs,
                     char *err, size_t errlen);
/* Put a searcher serving the snapshot's modules first after package.preload. s must outlive L. */
void tl_snapshot_install(lua_State *L, struct tl_snapshot *s);
void tl_snapshot_free(struct tl_snapshot *s);

#endif
