/* fuzz-search.c: search text as typed in the window's search field or given
 * to `secretariat list --search`: folding (sec_fold), collation keys, and
 * the store's search of every kind (sec_store_count and sec_store_list with
 * a SecQuery search, from the search index) over the demo database, the
 * Latin forms of Greek and Cyrillic text and the search of every section.
 * A search never fails, whatever was typed: it is quoted for the index. */
#include "fuzz-common.h"

#include "core/base/sec-fold.h"
#include "core/base/sec-translit.h"
#include "core/store/sec-query.h"
#include "core/store/sec-records.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  SecStore *store;
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *key = NULL;
  g_autoptr(SecQuery) query = sec_query_new ();
  g_autoptr(SecQuery) page = sec_query_new ();
  const GType *kinds = sec_record_kinds ();

  fuzz_init ();
  store = fuzz_demo_store ();
  text = fuzz_text (data, size);
  folded = sec_fold (text);
  key = sec_collate_key (text);
  /* Folding is idempotent: the stored search text and the typed text meet. */
  if (folded != NULL && g_utf8_validate (folded, -1, NULL))
    {
      g_autofree char *again = sec_fold (folded);
      if (g_strcmp0 (again, folded) != 0)
        abort ();
    }

  /* Latin forms hold no Greek or Cyrillic letter. */
  {
    g_autofree char *forms = sec_translit_latin_forms (text);
    g_autofree char *search_text = sec_fold_for_search (text);
    if (forms != NULL && sec_translit_needs_latin (forms))
      abort ();
  }
  {
    g_autoptr(GPtrArray) everywhere = sec_store_search_everywhere (store, text, 2, NULL);
    if (everywhere == NULL)
      abort ();
  }

  sec_query_set_search (query, text);
  sec_query_set_search (page, text);
  sec_query_set_range (page, 0, 3);
  for (guint i = 0; kinds[i]; i++)
    {
      gint64 n = sec_store_count (store, kinds[i], query, NULL);
      g_autoptr(GPtrArray) list = sec_store_list (store, kinds[i], page, NULL);

      if (n < 0 || list == NULL)
        abort ();
      if (list != NULL && n >= 0 && list->len > (guint) MIN (n, 3))
        abort ();
    }
  return 0;
}
