/* fuzz-cli.c: the command line's option values, through the program's own
 * parser (sec_cli_run): `list` with its kind and --search, `export` with its
 * document kind, ids, --format, --year, --paper, --language, --group-by,
 * --columns and --country-order, and `help`. Input: a byte choosing the
 * command, then its arguments, one a line. The demo database is only read;
 * the output goes to the target's own folder: arguments that could name
 * another file (--output, --database, short options, "--") are dropped. */
#include "fuzz-common.h"

static const char *const commands[] = { "list", "export", "help" };

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static char *output;
  g_autofree char *input = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *command;

  fuzz_init ();
  if (output == NULL)
    output = g_build_filename (fuzz_dir (), "cli-output", NULL);
  if (size < 1)
    return 0;
  command = commands[data[0] % G_N_ELEMENTS (commands)];
  input = fuzz_text (data + 1, size - 1);
  lines = g_strsplit (input, "\n", 12);

  g_ptr_array_add (args, (char *) command);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *a = lines[i];

      if (a[0] == '-' && (a[1] != '-' || a[2] == '\0' || g_str_has_prefix (a, "--o") ||
                          g_str_has_prefix (a, "--d")))
        continue;
      g_ptr_array_add (args, (char *) a);
    }
  if (g_str_equal (command, "export"))
    {
      g_ptr_array_add (args, (char *) "--output");
      g_ptr_array_add (args, output);
    }
  g_ptr_array_add (args, (char *) "--database");
  g_ptr_array_add (args, (char *) fuzz_demo_path ());
  g_ptr_array_add (args, NULL);
  fuzz_run_cli ((const char *const *) args->pdata);
  g_unlink (output);
  return 0;
}
