/* libFuzzer target: the whole pipeline. The input is a capture file (pcap or pcapng); it is
 * read by the engine exactly as `tcplua -Z root -n [-vv] -r FILE` would, through default.lua.
 * default.lua must print something for any bytes: a Lua error in a printer is a finding, and
 * aborts like a crash. $TCPLUA_LUADIR, when set, picks the Lua directory. */
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static char path[64], errpath[64], script[4200];
    static int init, saved_err;
    if (!init) { /* printed text goes nowhere; the input lives in a file */
        int devnull = open("/dev/null", O_WRONLY);
        dup2(devnull, 1);
        snprintf(path, sizeof(path), "/tmp/tcplua-fuzz-%d.pcap", (int)getpid());
        snprintf(errpath, sizeof(errpath), "/tmp/tcplua-fuzz-%d.err", (int)getpid());
        saved_err = dup(2);
        setenv("TCPLUA_LUADIR", TL_SOURCE_LUADIR, 0);
        snprintf(script, sizeof(script), "%s/default.lua", getenv("TCPLUA_LUADIR"));
        init = 1;
    }
    /* tcplua's messages for this input (and a sanitizer report, should it crash) go to
     * errpath; libFuzzer's own output stays on the terminal */
    int errfd = open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    FILE *fp = fopen(path, "wb");
    if (!fp)
        return 0;
    fwrite(data, 1, size, fp);
    fclose(fp);
    static const char *inputs[1];
    inputs[0] = path;
    struct tl_options o;
    memset(&o, 0, sizeof(o));
    o.inputs = inputs;
    o.ninputs = 1;
    o.n = 1;
    o.v = (size & 1) ? 2 : 0; /* both the plain and the verbose printers */
    o.user = "root";          /* stay who we are: no privilege switch inside the fuzzer */
    o.script = script;
    if (errfd >= 0)
        dup2(errfd, 2);
    int status = tl_engine_run(&o);
    dup2(saved_err, 2);
    if (errfd >= 0)
        close(errfd);
    if (status == TL_EXIT_SCRIPT) { /* a printer raised an error: show it, then stop */
        char msg[4096];
        FILE *ef = fopen(errpath, "r");
        size_t n = ef ? fread(msg, 1, sizeof(msg) - 1, ef) : 0;
        if (ef)
            fclose(ef);
        msg[n] = '\0';
        fprintf(stderr, "default.lua raised an error:\n%s\n", msg);
        abort();
    }
    return 0;
}
