/* Giving up root after the privileged opens (privs.c). */
#ifndef TL_PRIVS_H
#define TL_PRIVS_H

#include <stddef.h>

/* Switch to `user` (NULL: the build's default user; "root": stay) when running as root,
 * after a chroot to chroot_dir when it is not NULL (root only). wfd, if >= 0, is the -w file,
 * given to the user first. Returns 0, or -1 with err set. */
int tl_privs_drop(const char *user, const char *chroot_dir, int wfd, char *err, size_t errlen);

#endif
