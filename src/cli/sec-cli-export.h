/* sec-cli-export.h: `secretariat export`, the documents of a meeting, a
 * call or a joint statement from the command line
 *
 *   secretariat [--database FILE] export KIND --meeting ID --output FILE
 *       [--paper a4|letter] [--language en|fr|de]
 *       [--group-by none|country|organisation|body] [--columns LIST]
 *       [--country-order alphabetical|protocol] [--public]
 *   secretariat [--database FILE] export applications --call ID --output FILE
 *       [--format pdf|csv] [--paper a4|letter] [--language en|fr|de]
 *   secretariat [--database FILE] export selection-report --call ID --output FILE
 *       [--paper a4|letter] [--language en|fr|de]
 *   secretariat [--database FILE] export statement --statement ID --output FILE
 *       [--paper a4|letter] [--language en|fr|de]
 *   secretariat [--database FILE] export monitoring --statement ID --output FILE
 *       [--format pdf|csv] [--year YEAR] [--paper a4|letter] [--language en|fr|de]
 *
 * For a meeting, KIND is agenda, agenda-internal, participants, attendance,
 * pack (PDF), participants-csv or ical. An option that does not apply to
 * KIND is a usage error (status 2). Nothing is written unless the whole file
 * could be: an unknown meeting, call or statement, like any failure, exits
 * with status 1 and leaves no file behind.
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
