/* Dropping root, as Debian's tcpdump does: after the capture device, the input file and the
 * -w file are open and before the script is loaded, switch to an unprivileged user (the
 * -w file is handed to that user first, so it owns what it writes), chrooting first when
 * --chroot asks for it. */
#include "privs.h"

#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

int tl_privs_drop(const char *user, const char *chroot_dir, int wfd, char *err, size_t errlen) {
    if (geteuid() != 0) {
        if (!chroot_dir)
            return 0; /* nothing to give up; -Z only matters for root, as in tcpdump */
        snprintf(err, errlen, "--chroot needs root (the chroot(2) call is privileged)");
        return -1;
    }
    if (!user)
        user = TL_DEFAULT_USER;
    struct passwd *pw = NULL;
    if (strcmp(user, "root") != 0) {
        pw = getpwnam(user); /* before the chroot: /etc/passwd is outside it */
        if (!pw) {
            snprintf(err, errlen, "Couldn't find user '%.32s'", user);
            return -1;
        }
        if (wfd >= 0 && fchown(wfd, pw->pw_uid, pw->pw_gid) < 0) {
            snprintf(err, errlen, "Couldn't hand the output file to user '%.32s'", user);
            return -1;
        }
        if (initgroups(pw->pw_name, pw->pw_gid) != 0) {
            snprintf(err, errlen, "Couldn't change to '%.32s' uid=%lu gid=%lu: %m", user,
                     (unsigned long)pw->pw_uid, (unsigned long)pw->pw_gid);
            return -1;
        }
    }
    if (chroot_dir && (chroot(chroot_dir) != 0 || chdir("/") != 0)) {
        snprintf(err, errlen, "Couldn't chroot/chdir to '%.64s': %m", chroot_dir);
        return -1;
    }
    if (pw && (setgid(pw->pw_gid) != 0 || setuid(pw->pw_uid) != 0)) {
        snprintf(err, errlen, "Couldn't change to '%.32s' uid=%lu gid=%lu: %m", user,
                 (unsigned long)pw->pw_uid, (unsigned long)pw->pw_gid);
        return -1;
    }
    return 0;
}
