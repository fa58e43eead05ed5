/* sec-cli-emails.h: `secretariat export invitation-emails`, a meeting's
 * e-mail drafts as files
 *
 *   secretariat [--database FILE] export invitation-emails --meeting ID
 *       --output FOLDER [--kind invitation|reminder|information|thanks]
 *       [--status LIST] [--participants LIST] [--attach LIST] [--bcc]
 *       [--from ADDRESS] [--paper a4|letter]
 *
 * One .eml file per recipient (or one with everyone in Bcc) in FOLDER,
 * made when missing; who was left out is listed. The database is only
 * read: a draft is not a message sent, so nothing is recorded.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Runs the command; @args as sec_cli_export () got them. */
int sec_cli_export_emails (const char  *database,
                           GStrv        args,
                           GString     *out,
                           GString     *err);

G_END_DECLS
