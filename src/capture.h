/* Opening inputs and outputs for the engine (capture.c), with tcpdump's messages. */
#ifndef TL_CAPTURE_H
#define TL_CAPTURE_H

#include <stddef.h>

#include "engine.h"

int tl_capture_open_file(struct tl_engine *e, const char *name, char *err, size_t errlen);
int tl_capture_open_dump(struct tl_engine *e, char *err, size_t errlen);
int tl_capture_filter(struct tl_engine *e, char *err, size_t errlen);
int tl_capture_rotate(struct tl_engine *e, char *err, size_t errlen);
/* Live capture from -i (or the default device) until -c, a signal or an error. */
int tl_capture_live(struct tl_engine *e, uint32_t *dropped);

/* engine.c */
int tl_engine_init_hook(struct tl_engine *e);
int tl_engine_loop(struct tl_engine *e);
int tl_engine_start_script(struct tl_engine *e);
/* End every open flow ("eof"); -1 after a script error. */
int tl_engine_end_flows(struct tl_engine *e);

#endif
