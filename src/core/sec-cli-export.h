/* sec-cli-export.h: `secretariat export`, a meeting's documents from the
 * command line
 *
 *   secretariat [--database FILE] export KIND --meeting ID --output FILE
 *       [--paper a4|letter] [--language en|fr|de]
 *       [--group-by none|country|organisation|body] [--columns LIST]
 *       [--country-order alphabetical|protocol] [--public]
 *
 * KIND is agenda, agenda-internal, participants, attendance, pack (PDF),
 * participants-csv or ical. Nothing is written unless the whole file could
 * be: an unknown meeting, like any failure, exits with status 1 and leaves
 * no file behind.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Runs the command: @args[0] is "export", the rest its arguments;
 * @database is the database given before the command (NULL: the default
 * one; --database after the command overrides it). What it prints goes to
 * @out and @err. Returns the exit status: 0, 1 (failure) or 2 (usage). */
int sec_cli_export (const char  *database,
                    GStrv        args,
                    GString     *out,
                    GString     *err);

G_END_DECLS
