/* sec-cli-funding.h: the funding documents of `secretariat export`
 *
 * `export portfolio [--programme X] [--theme X] --output FILE.pdf|.csv`
 * and `export funding-call-ical --call ID --output FILE.ics`. The option
 * parsing is sec-cli-export.c's; this makes the file's bytes.
 */
#pragma once

#include "core/documents/sec-document.h"
#include "core/store/sec-store.h"

G_BEGIN_DECLS

typedef struct {
  gint64      call_id;     /* funding-call-ical */
  const char *programme;   /* portfolio: an id, short name or name, or NULL */
  const char *theme;       /* portfolio: or NULL */
  const char *format;      /* "pdf", "csv", or NULL: from the output's name */
  const char *language;
  SecPaper    paper;
  const char *output;
} SecCliFundingOptions;

/* Whether @kind is one of the funding exports. */
gboolean  sec_cli_funding_is_kind     (const char                 *kind);
/* The kinds, for the help: "portfolio, funding-call-ical". */
const char *sec_cli_funding_kinds     (void);
/* (transfer full) (nullable): the file's contents; @label is set to what
 * the file is ("Portfolio report"); NULL with @error set (an unknown call
 * or programme, a call without a deadline). */
GBytes   *sec_cli_funding_export      (SecStore                   *store,
                                       const char                 *kind,
                                       const SecCliFundingOptions *options,
                                       const char                **label,
                                       GError                    **error);

G_END_DECLS
