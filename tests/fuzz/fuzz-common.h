/* fuzz-common.h: what the libFuzzer targets of tests/fuzz share. Built by
 * build-aux/fuzz (meson -Dfuzzing=true, clang); each target defines
 * LLVMFuzzerTestOneInput () and calls fuzz_init () first. */
#pragma once

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/sec-cli.h"
#include "cli/sec-demo.h"
#include "core/store/sec-store.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Messages are expected by the thousand (every rejected value may warn):
 * printing them would slow the fuzzer down. Errors still abort. */
static inline GLogWriterOutput
fuzz_quiet_writer (GLogLevelFlags   level,
                   const GLogField *fields,
                   gsize            n_fields,
                   gpointer         user_data)
{
  return G_LOG_WRITER_HANDLED;
}

static char *fuzz_dir_path;

static inline void
fuzz_remove_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (fuzz_dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (fuzz_dir_path, name, NULL);
      g_unlink (child);
    }
  g_rmdir (fuzz_dir_path);
}

/* A folder of the target's own for its files (a tmpfs when there is one),
 * removed at exit. */
static inline const char *
fuzz_dir (void)
{
  if (fuzz_dir_path == NULL)
    {
      const char *parent = access ("/dev/shm", W_OK) == 0 ? "/dev/shm" : g_get_tmp_dir ();
      fuzz_dir_path = g_build_filename (parent, "sec-fuzz-XXXXXX", NULL);
      if (g_mkdtemp (fuzz_dir_path) == NULL)
        abort ();
      atexit (fuzz_remove_dir);
    }
  return fuzz_dir_path;
}

static inline void
fuzz_init (void)
{
  static gboolean done;

  if (done)
    return;
  done = TRUE;
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  if (g_getenv ("FUZZ_VERBOSE") == NULL)
    g_log_set_writer_func (fuzz_quiet_writer, NULL, NULL);
  /* Documents print "Generated on" in this zone: no dependence on the
   * machine's. */
  g_setenv ("TZ", "UTC", TRUE);
}

/* (transfer full): @data as a string (a NUL inside ends it early). */
static inline char *
fuzz_text (const uint8_t *data, size_t size)
{
  return g_strndup ((const char *) data, size);
}

/* (transfer none): a demo database of the target's own, made once: a copy
 * of $FUZZ_DEMO_DB when set (build-aux/fuzz makes it with `secretariat
 * demo`), else made here. */
static inline const char *
fuzz_demo_path (void)
{
  static char *path;

  if (path == NULL)
    {
      const char *given = g_getenv ("FUZZ_DEMO_DB");
      g_autoptr(GError) error = NULL;
      g_autoptr(SecStore) store = NULL;

      path = g_build_filename (fuzz_dir (), "demo.db", NULL);
      if (given != NULL)
        {
          g_autofree char *contents = NULL;
          gsize len;

          if (!g_file_get_contents (given, &contents, &len, &error) ||
              !g_file_set_contents (path, contents, (gssize) len, &error))
            g_error ("the demo database: %s", error->message);
          return path;
        }
      store = sec_store_open (path, &error);
      if (store == NULL || !sec_demo_fill (store, &error))
        g_error ("the demo database: %s", error->message);
    }
  return path;
}

/* (transfer none): the demo database opened with the store, once. */
static inline SecStore *
fuzz_demo_store (void)
{
  static SecStore *store;

  if (store == NULL)
    {
      g_autoptr(GError) error = NULL;

      store = sec_store_open (fuzz_demo_path (), &error);
      if (store == NULL)
        g_error ("%s", error->message);
    }
  return store;
}

/* Runs the command line (the program's own parser) on @args, a
 * NULL-terminated list without the program's name; returns its status. */
static inline int
fuzz_run_cli (const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  g_autofree char *database = NULL;
  int status;

  g_ptr_array_add (argv, (char *) "secretariat");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  status = sec_cli_run ((int) argv->len, (char **) argv->pdata, &database, out, err);
  return status;
}
