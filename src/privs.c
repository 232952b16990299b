/* Dropping root, as Debian's tcpdump does: after the capture device, the input file and the
 * -w file are open and before the script is loaded, switch to an unprivileged user (the
 * -w file is handed to that user first, so it owns what it writes). */
#include "privs.h"

#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

int tl_privs_drop(const char *user, int wfd, char *err, size_t errlen) {
    if (geteuid() != 0)
        return 0; /* nothing to give up; -Z only matters for root, as in tcpdump */
    if (!user)
        user = TL_DEFAULT_USER;
    if (strcmp(user, "root") == 0)
        return 0;
    struct passwd *pw = getpwnam(user);
    if (!pw) {
        snprintf(err, errlen, "Couldn't find user '%.32s'", user);
        return -1;
    }
    if (wfd >= 0 && fchown(wfd, pw->pw_uid, pw->pw_gid) < 0) {
        snprintf(err, errlen, "Couldn't hand the output file to user '%.32s'", user);
        return -1;
    }
    if (initgroups(pw->pw_name, pw->pw_gid) != 0 || setgid(pw->pw_gid) != 0 ||
        setuid(pw->pw_uid) != 0) {
        snprintf(err, errlen, "Couldn't change to '%.32s' uid=%lu gid=%lu: %m", user,
                 (unsigned long)pw->pw_uid, (unsigned long)pw->pw_gid);
        return -1;
    }
    return 0;
}
