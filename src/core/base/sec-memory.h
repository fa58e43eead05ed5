/* sec-memory.h: how the process's allocators give freed memory back */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The largest number of malloc arenas sec_memory_init () allows. */
#define SEC_MEMORY_ARENA_MAX 2

void sec_memory_init (char **argv);

G_END_DECLS
