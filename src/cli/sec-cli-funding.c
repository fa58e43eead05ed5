/* sec-cli-funding.c: the funding documents of `secretariat export` */
#define G_LOG_DOMAIN "sec-cli-export"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cli/sec-cli-funding.h"
#include "core/documents/sec-funding-documents.h"
#include "core/funding/sec-portfolio.h"
#include "core/store/sec-records.h"

gboolean
sec_cli_funding_is_kind (const char *kind)
{
  return g_strcmp0 (kind, "portfolio") == 0 || g_strcmp0 (kind, "funding-call-ical") == 0;
}

const char *
sec_cli_funding_kinds (void)
{
  return "portfolio, funding-call-ical";
}

static GBytes *
export_portfolio (SecStore                   *store,
                  const SecCliFundingOptions *options,
                  const char                **label,
                  GError                    **error)
{
  g_autoptr(SecPortfolio) portfolio = NULL;
  gboolean as_csv = options->format ? g_ascii_strcasecmp (options->format, "csv") == 0
                                    : g_str_has_suffix (options->output, ".csv") ||
                                      g_str_has_suffix (options->output, ".CSV");

  portfolio = sec_portfolio_new (store, options->programme, options->theme, error);
  if (portfolio == NULL)
    return NULL;
  if (as_csv)
    {
      char *csv = sec_funding_csv_portfolio (portfolio, options->language);

      *label = _("Portfolio (CSV)");
      return g_bytes_new_take (csv, strlen (csv));
    }
  else
    {
      g_autofree char *filter = sec_portfolio_describe_filter (options->programme, options->theme);
      g_autoptr(SecDocument) document = sec_funding_document_portfolio (portfolio, filter, options->language);

      *label = _("Portfolio report");
      return sec_document_to_pdf (document, options->paper, error);
    }
}

static GBytes *
export_call_ical (SecStore                   *store,
                  const SecCliFundingOptions *options,
                  const char                **label,
                  GError                    **error)
{
  g_autoptr(SecRecord) call = NULL;
  g_autoptr(GError) local_error = NULL;
  char *text;

  call = sec_store_get (store, SEC_TYPE_FUNDING_CALL, options->call_id, &local_error);
  if (call == NULL)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, options->call_id);

      if (g_error_matches (local_error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_FOUND))
        g_set_error (error, SEC_STORE_ERROR, SEC_STORE_ERROR_NOT_FOUND,
                     _("No call for proposals with the id %s"), number);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if ((text = sec_funding_call_ical (call, sec_store_get_uuid (store), error)) == NULL)
    return NULL;
  *label = _("Call deadline");
  return g_bytes_new_take (text, strlen (text));
}

GBytes *
sec_cli_funding_export (SecStore                   *store,
                        const char                 *kind,
                        const SecCliFundingOptions *options,
                        const char                **label,
                        GError                    **error)
{
  g_return_val_if_fail (SEC_IS_STORE (store), NULL);
  g_return_val_if_fail (sec_cli_funding_is_kind (kind), NULL);
  g_return_val_if_fail (options != NULL && options->output != NULL && label != NULL, NULL);

  if (g_str_equal (kind, "portfolio"))
    return export_portfolio (store, options, label, error);
  return export_call_ical (store, options, label, error);
}
