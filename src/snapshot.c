/* --chroot: the script and every Lua module it may require are read into memory before the
 * chroot, so that the script runs confined to DIR yet still finds the shipped printers. A
 * package.searchers entry serves `require` from the snapshot. */
#include "snapshot.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <lauxlib.h>

#define MAX_FILE (4u << 20)   /* one module */
#define MAX_TOTAL (64u << 20) /* everything */
#define MAX_DEPTH 4

static char *read_file(const char *path, size_t *len) {
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    struct stat st;
    char *buf = NULL;
    if (fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size <= MAX_FILE) {
        buf = malloc((size_t)st.st_size + 1);
        if (buf && fread(buf, 1, (size_t)st.st_size, fp) != (size_t)st.st_size) {
            free(buf);
            buf = NULL;
        }
        if (buf)
            *len = (size_t)st.st_size;
    }
    fclose(fp);
    return buf;
}

static int add(struct tl_snapshot *s, const char *mod, const char *path, char *src, size_t len) {
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        struct tl_snap_file *f = realloc(s->files, cap * sizeof(*f));
        if (!f)
            return -1;
        s->files = f;
        s->cap = cap;
    }
    struct tl_snap_file *f = &s->files[s->n];
    f->module = strdup(mod);
    f->path = strdup(path);
    if (!f->module || !f->path) {
        free(f->module);
        free(f->path);
        return -1;
    }
    f->src = src;
    f->len = len;
    s->n++;
    s->total += len;
    return 0;
}

/* Every *.lua under dir, as module names prefixed by prefix ("a.b." or ""). */
static int walk(struct tl_snapshot *s, const char *dir, const char *prefix, int depth) {
    DIR *d = opendir(dir);
    if (!d)
        return 0; /* a directory we cannot read holds nothing we can offer */
    struct dirent *de;
    int rc = 0;
    while (rc == 0 && (de = readdir(d)) != NULL) {
        const char *n = de->d_name;
        if (n[0] == '.')
            continue;
        char path[4096], mod[1024];
        if (snprintf(path, sizeof(path), "%s/%s", dir, n) >= (int)sizeof(path))
            continue;
        struct stat st;
        if (stat(path, &st) != 0)
            continue;
        size_t nl = strlen(n);
        if (S_ISDIR(st.st_mode)) {
            if (depth < MAX_DEPTH &&
                snprintf(mod, sizeof(mod), "%s%s.", prefix, n) < (int)sizeof(mod))
                rc = walk(s, path, mod, depth + 1);
        } else if (nl > 4 && strcmp(n + nl - 4, ".lua") == 0) {
            size_t len;
            char *src = read_file(path, &len);
            if (!src)
                continue;
            if (s->total + len > MAX_TOTAL) {
                free(src);
                rc = -1;
                break;
            }
            if (strcmp(n, "init.lua") == 0 && prefix[0]) /* a.b.init is also a.b */
                snprintf(mod, sizeof(mod), "%.*s", (int)strlen(prefix) - 1, prefix);
            else
                snprintf(mod, sizeof(mod), "%s%.*s", prefix, (int)nl - 4, n);
            if (add(s, mod, path, src, len) < 0) {
                free(src);
                rc = -1;
            }
        }
    }
    closedir(d);
    return rc;
}

int tl_snapshot_take(struct tl_snapshot *s, const char *script, const char *const *dirs, int ndirs,
                     char *err, size_t errlen) {
    memset(s, 0, sizeof(*s));
    s->script = read_file(script, &s->script_len);
    if (!s->script) {
        snprintf(err, errlen, "%s: %s", script, errno ? strerror(errno) : "cannot read");
        return -1;
    }
    for (int i = 0; i < ndirs; i++)
        if (walk(s, dirs[i], "", 0) < 0) {
            snprintf(err, errlen, "%s: too many Lua files to read before --chroot", dirs[i]);
            return -1;
        }
    return 0;
}

void tl_snapshot_free(struct tl_snapshot *s) {
    for (size_t i = 0; i < s->n; i++) {
        free(s->files[i].module);
        free(s->files[i].path);
        free(s->files[i].src);
    }
    free(s->files);
    free(s->script);
    memset(s, 0, sizeof(*s));
}

/* package.searchers entry. stack: name -> loader, path | message */
static int searcher(lua_State *L) {
    const struct tl_snapshot *s = lua_touserdata(L, lua_upvalueindex(1));
    const char *name = luaL_checkstring(L, 1);
    for (size_t i = 0; i < s->n; i++) {
        const struct tl_snap_file *f = &s->files[i];
        if (strcmp(f->module, name) != 0)
            continue;
        lua_pushfstring(L, "@%s", f->path);
        if (luaL_loadbuffer(L, f->src, f->len, lua_tostring(L, -1)) != LUA_OK)
            return luaL_error(L, "error loading module '%s' from file '%s':\n\t%s", name, f->path,
                              lua_tostring(L, -1));
        lua_pushstring(L, f->path);
        return 2;
    }
    lua_pushfstring(L, "no module '%s' read before --chroot", name);
    return 1;
}

void tl_snapshot_install(lua_State *L, struct tl_snapshot *s) {
    lua_getglobal(L, "package");
    lua_getfield(L, -1, "searchers"); /* stack: package, searchers */
    lua_Integer n = (lua_Integer)luaL_len(L, -1);
    for (lua_Integer i = n; i >= 2; i--) { /* make room at 2, after package.preload */
        lua_rawgeti(L, -1, i);
        lua_rawseti(L, -2, i + 1);
    }
    lua_pushlightuserdata(L, s);
    lua_pushcclosure(L, searcher, 1);
    lua_rawseti(L, -2, 2);
    lua_pop(L, 2);
}
