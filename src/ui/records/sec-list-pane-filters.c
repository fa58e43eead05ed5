/* sec-list-pane-filters.c: the list pane's filters and orders
 *
 * Each kind's filters (a drop-down each in the filter popover, filled with
 * the values that occur) and orders (the sort menu), and the query that the
 * search, the filters and the order make together. Part of SecListPane (see
 * sec-list-pane-private.h).
 */
#define G_LOG_DOMAIN "sec-list-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "core/base/sec-countries.h"
#include "core/funding/sec-funding.h"
#include "core/store/sec-facets.h"
#include "ui/records/sec-list-pane.h"
#include "ui/records/sec-list-pane-private.h"
#include "ui/widgets/sec-a11y.h"

static const FilterSpec meeting_filters[] = {
  { "body", "body", SEC_QUERY_RELATION, N_("Body"), N_("All bodies"), VALUES_BODIES },
  { "status", "status", SEC_QUERY_EQUALS, N_("Status"), N_("Any status"), VALUES_CHOICES },
  { "year", "starts-at", SEC_QUERY_YEAR, N_("Year"), N_("Any year"), VALUES_YEARS },
  { NULL }
};
static const SortSpec meeting_sorts[] = {
  { "date", N_("Date"), "starts-at", FALSE },
  { "title", N_("Title"), NULL, FALSE },
  { "recent", N_("Recently Added"), "created-at", TRUE },
  { NULL }
};

static const FilterSpec organisation_filters[] = {
  { "body", "body", SEC_QUERY_RELATION, N_("Body"), N_("All bodies"), VALUES_BODIES },
  { "country", "country", SEC_QUERY_EQUALS, N_("Country"), N_("All countries"), VALUES_COUNTRIES },
  { "kind", "kind", SEC_QUERY_EQUALS, N_("Kind"), N_("All kinds"), VALUES_CHOICES },
  { NULL }
};
static const SortSpec organisation_sorts[] = {
  { "name", N_("Name"), NULL, FALSE },
  { "recent", N_("Recently Added"), "created-at", TRUE },
  { NULL }
};

static const FilterSpec no_filters[] = {
  { NULL }
};
static const FilterSpec person_filters[] = {
  /* Translators: a filter of the people list, by what the law asks of their data */
  { "privacy", "privacy", SEC_QUERY_RELATION, N_("Personal Data"), N_("Anyone"), VALUES_PRIVACY },
  { NULL }
};
static const SortSpec person_sorts[] = {
  { "name", N_("Family Name"), NULL, FALSE },
  { "organisation", N_("Organisation"), "organisation-sort-key", FALSE },
  { "recent", N_("Recently Added"), "created-at", TRUE },
  { NULL }
};

static const SortSpec body_sorts[] = {
  { "name", N_("Name"), NULL, FALSE },
  { "members", N_("Most Members"), "member-count", TRUE },
  { NULL }
};

static const FilterSpec call_filters[] = {
  { "status", "status", SEC_QUERY_EQUALS, N_("Status"), N_("Any status"), VALUES_CHOICES },
  { "body", "body", SEC_QUERY_EQUALS, N_("Body"), N_("All bodies"), VALUES_BODIES },
  { "year", "deadline", SEC_QUERY_YEAR, N_("Year"), N_("Any year"), VALUES_YEARS },
  { NULL }
};
static const SortSpec call_sorts[] = {
  { "deadline", N_("Deadline"), "deadline", TRUE },
  { "title", N_("Title"), NULL, FALSE },
  { "published", N_("Date Published"), "published-on", TRUE },
  { NULL }
};

static const FilterSpec statement_filters[] = {
  { "year", "signed-on", SEC_QUERY_YEAR, N_("Year"), N_("Any year"), VALUES_YEARS },
  { NULL }
};
static const SortSpec statement_sorts[] = {
  { "date", N_("Date Signed"), "signed-on", TRUE },
  { "title", N_("Title"), NULL, FALSE },
  { NULL }
};

static const FilterSpec funding_call_filters[] = {
  { "status", "status", SEC_QUERY_RELATION, N_("Status"), N_("Any status"), VALUES_FUNDING_STATUSES },
  { "programme", "programme", SEC_QUERY_EQUALS, N_("Programme"), N_("All programmes"), VALUES_PROGRAMMES },
  { "year", "deadline", SEC_QUERY_YEAR, N_("Year"), N_("Any year"), VALUES_YEARS },
  { NULL }
};
static const SortSpec funding_call_sorts[] = {
  { "deadline", N_("Deadline"), "deadline", TRUE },
  { "title", N_("Title"), NULL, FALSE },
  { "published", N_("Date Published"), "published-on", TRUE },
  { NULL }
};

static const FilterSpec project_filters[] = {
  { "programme", "programme", SEC_QUERY_EQUALS, N_("Programme"), N_("All programmes"), VALUES_PROGRAMMES },
  { "theme", "theme", SEC_QUERY_RELATION, N_("Theme"), N_("All themes"), VALUES_THEMES },
  { "country", "country", SEC_QUERY_RELATION, N_("Country"), N_("All countries"), VALUES_PROJECT_COUNTRIES },
  /* Translators: a filter: the projects running during a year */
  { "active-in", "active-in", SEC_QUERY_RELATION, N_("Active in"), N_("Any year"), VALUES_PROJECT_YEARS },
  { NULL }
};
static const SortSpec project_sorts[] = {
  { "acronym", N_("Acronym"), NULL, FALSE },
  { "start", N_("Start Date"), "starts-on", TRUE },
  { "budget", N_("Largest Budget"), "budget", TRUE },
  { NULL }
};

static const SortSpec name_sorts[] = {
  { "name", N_("Name"), NULL, FALSE },
  { NULL }
};

static const KindSpec kind_specs[] = {
  { "meeting", meeting_filters, meeting_sorts },
  { "organisation", organisation_filters, organisation_sorts },
  { "person", person_filters, person_sorts },
  { "body", no_filters, body_sorts },
  { "call", call_filters, call_sorts },
  { "statement", statement_filters, statement_sorts },
  { "funding-call", funding_call_filters, funding_call_sorts },
  { "project", project_filters, project_sorts },
};

/**
 * _sec_list_pane_find_kind_spec:
 * @kind: the kind listed
 *
 * Returns: (transfer none): the filters and orders of @kind's list (a kind
 *   without its own has none, and its name order)
 */
const KindSpec *
_sec_list_pane_find_kind_spec (const SecKind *kind)
{
  static const KindSpec generic = { NULL, no_filters, name_sorts };

  for (guint i = 0; i < G_N_ELEMENTS (kind_specs); i++)
    if (g_str_equal (kind_specs[i].kind, kind->name))
      return &kind_specs[i];
  return &generic;
}

void
_sec_list_pane_clear_filter (gpointer data)
{
  Filter *filter = data;

  g_clear_object (&filter->labels);
  g_clear_pointer (&filter->values, g_ptr_array_unref);
}

const SortSpec *
_sec_list_pane_find_sort (SecListPane *self,
                          const char  *id)
{
  for (const SortSpec *s = self->spec->sorts; s->id; s++)
    if (g_strcmp0 (s->id, id) == 0)
      return s;
  return NULL;
}

const char *
_sec_list_pane_get_filter_value (Filter *filter)
{
  guint selected = gtk_drop_down_get_selected (filter->dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= filter->values->len)
    return NULL;
  return g_ptr_array_index (filter->values, selected);
}

guint
_sec_list_pane_count_active_filters (SecListPane *self)
{
  guint n = 0;

  for (guint i = 0; i < self->filters->len; i++)
    if (_sec_list_pane_get_filter_value (&g_array_index (self->filters, Filter, i)) != NULL)
      n++;
  return n;
}

/* Translates the search, the filters and the sort into the list's query. */
static void
apply_query (SecListPane *self,
             gboolean     background)
{
  g_autoptr(SecQuery) query = sec_query_copy (self->base_query);
  const SortSpec *sort = _sec_list_pane_find_sort (self, self->sort);
  gboolean base_descending = FALSE;
  const char *base_sort = sec_query_get_sort (self->base_query, &base_descending);

  sec_query_set_search (query, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  for (guint i = 0; i < self->filters->len; i++)
    {
      Filter *filter = &g_array_index (self->filters, Filter, i);
      const char *value = _sec_list_pane_get_filter_value (filter);

      if (value != NULL)
        sec_query_add (query, filter->spec->field, filter->spec->op, value);
    }
  if (sort != NULL)
    {
      /* The section decides the direction of its own order (past meetings
       * latest first); the other orders have their natural one. */
      gboolean descending = sort->field != NULL && g_strcmp0 (sort->field, base_sort) == 0
                            ? base_descending : sort->descending;
      sec_query_set_sort (query, sort->field, descending);
    }

  /* A search typed shows its results from the top, as before; its rows
   * are taken in below, or later from the worker. */
  self->narrowing = sec_query_get_search (query) != NULL &&
                    g_strcmp0 (sec_query_get_search (query),
                               sec_query_get_search (sec_record_list_get_query (self->list))) != 0;
  if (background)
    sec_record_list_set_query_in_background (self->list, query, self->selected_id);
  else
    sec_record_list_set_query (self->list, query);
  _sec_list_pane_update_state (self);
}

void
_sec_list_pane_apply_query (SecListPane *self)
{
  apply_query (self, FALSE);
}

/* What the user asks for (a keystroke in the search, a filter, an order):
 * a long list is read in a worker thread and changes when it is read,
 * so that the window does not freeze meanwhile. */
void
_sec_list_pane_apply_query_in_background (SecListPane *self)
{
  apply_query (self, TRUE);
}

static int
compare_country_names (gconstpointer a,
                       gconstpointer b)
{
  const char *code_a = *(const char *const *) a;
  const char *code_b = *(const char *const *) b;
  const char *name_a = sec_country_name (code_a);
  const char *name_b = sec_country_name (code_b);

  return g_utf8_collate (name_a ? name_a : code_a, name_b ? name_b : code_b);
}

void
_sec_list_pane_fill_filter (SecListPane *self,
                            Filter      *filter)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *current = g_strdup (_sec_list_pane_get_filter_value (filter));
  guint selected = 0;

  g_ptr_array_add (values, NULL);
  g_ptr_array_add (labels, g_strdup (_(filter->spec->all_label)));

  switch (filter->spec->source)
    {
    case VALUES_CHOICES:
      {
        const SecField *field = sec_kind_find_field (sec_kind_from_type (self->kind), filter->spec->field);

        for (const SecChoice *c = field->choices; c && c->nick; c++)
          {
            g_ptr_array_add (values, g_strdup (c->nick));
            g_ptr_array_add (labels, g_strdup (_(c->label)));
          }
      }
      break;

    case VALUES_BODIES:
      {
        g_autoptr(GPtrArray) bodies = sec_store_list (self->store, SEC_TYPE_BODY, NULL, &error);

        for (guint i = 0; bodies && i < bodies->len; i++)
          {
            SecRecord *body = g_ptr_array_index (bodies, i);
            const char *acronym = sec_record_get_string (body, "acronym");

            g_ptr_array_add (values, g_strdup_printf ("%" G_GINT64_FORMAT, sec_record_get_id (body)));
            g_ptr_array_add (labels, g_strdup (acronym && acronym[0] ? acronym
                                               : sec_record_get_string (body, "name")));
          }
      }
      break;

    case VALUES_YEARS:
      {
        g_auto(GStrv) years = sec_store_dup_years (self->store, self->kind, filter->spec->field, &error);

        for (guint i = 0; years && years[i]; i++)
          {
            g_ptr_array_add (values, g_strdup (years[i]));
            g_ptr_array_add (labels, g_strdup (years[i]));
          }
      }
      break;

    case VALUES_FUNDING_STATUSES:
      for (SecFundingCallStatus st = SEC_FUNDING_CALL_FORTHCOMING; st <= SEC_FUNDING_CALL_CLOSED; st++)
        {
          g_ptr_array_add (values, g_strdup_printf ("%d", st));
          g_ptr_array_add (labels, g_strdup (sec_funding_call_status_label (st)));
        }
      break;

    case VALUES_PROGRAMMES:
      {
        g_autoptr(GPtrArray) programmes = sec_store_list (self->store, SEC_TYPE_PROGRAMME, NULL, &error);

        for (guint i = 0; programmes && i < programmes->len; i++)
          {
            SecRecord *programme = g_ptr_array_index (programmes, i);
            const char *short_name = sec_record_get_string (programme, "short-name");

            g_ptr_array_add (values, g_strdup_printf ("%" G_GINT64_FORMAT, sec_record_get_id (programme)));
            g_ptr_array_add (labels, g_strdup (short_name && short_name[0] ? short_name
                                               : sec_record_get_string (programme, "name")));
          }
      }
      break;

    case VALUES_THEMES:
    case VALUES_PROJECT_YEARS:
      {
        g_auto(GStrv) found = filter->spec->source == VALUES_THEMES ? sec_funding_dup_themes (self->store, &error)
                                                                     : sec_funding_dup_years (self->store, &error);

        for (guint i = 0; found && found[i]; i++)
          {
            g_ptr_array_add (values, g_strdup (found[i]));
            g_ptr_array_add (labels, g_strdup (found[i]));
          }
      }
      break;

    case VALUES_PROJECT_COUNTRIES:
      {
        /* Member States in protocol order, then the others, as the
         * portfolio's coverage lists them. */
        g_auto(GStrv) codes = sec_funding_dup_countries (self->store, &error);

        for (guint i = 0; codes && codes[i]; i++)
          {
            const char *name = sec_country_name (codes[i]);

            g_ptr_array_add (values, g_strdup (codes[i]));
            g_ptr_array_add (labels, g_strdup (name ? name : codes[i]));
          }
      }
      break;

    case VALUES_PRIVACY:
      {
        static const struct { const char *value; const char *label; } privacy[] = {
          /* Translators: a filter of the people list: those held without a recorded lawful basis */
          { "no-basis", N_("No lawful basis") },
          /* Translators: a filter of the people list: those whose data may not be used */
          { "restricted", N_("Restricted") },
          /* Translators: a filter of the people list: those whose personal data were erased */
          { "erased", N_("Erased") },
        };

        for (guint i = 0; i < G_N_ELEMENTS (privacy); i++)
          {
            g_ptr_array_add (values, g_strdup (privacy[i].value));
            g_ptr_array_add (labels, g_strdup (_(privacy[i].label)));
          }
      }
      break;

    case VALUES_COUNTRIES:
      {
        g_auto(GStrv) codes = sec_store_dup_distinct (self->store, self->kind, filter->spec->field, &error);
        g_autoptr(GPtrArray) codes_by_name = g_ptr_array_new ();

        /* By name in the user's language, as the drop-down shows them. */
        for (guint i = 0; codes && codes[i]; i++)
          g_ptr_array_add (codes_by_name, codes[i]);
        g_ptr_array_sort (codes_by_name, compare_country_names);
        for (guint i = 0; i < codes_by_name->len; i++)
          {
            const char *code = g_ptr_array_index (codes_by_name, i);
            const char *name = sec_country_name (code);

            g_ptr_array_add (values, g_strdup (code));
            g_ptr_array_add (labels, g_strdup (name ? name : code));
          }
      }
      break;

    default:
      g_assert_not_reached ();
    }

  if (error != NULL)
    g_warning ("Could not read the values of the filter “%s”: %s", filter->spec->name, error->message);

  for (guint i = 1; current != NULL && i < values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (values, i), current) == 0)
      selected = i;

  g_ptr_array_add (labels, NULL);
  self->updating = TRUE;
  g_clear_pointer (&filter->values, g_ptr_array_unref);
  filter->values = g_steal_pointer (&values);
  gtk_string_list_splice (filter->labels, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (filter->labels)),
                          (const char *const *) labels->pdata);
  gtk_drop_down_set_selected (filter->dropdown, selected);
  self->updating = FALSE;

  /* A value that is gone (a deleted body) no longer filters. */
  if (current != NULL && selected == 0)
    _sec_list_pane_apply_query (self);
}

void
_sec_list_pane_fill_filters (SecListPane *self)
{
  for (guint i = 0; i < self->filters->len; i++)
    _sec_list_pane_fill_filter (self, &g_array_index (self->filters, Filter, i));
}

Filter *
_sec_list_pane_find_filter (SecListPane *self,
                            const char  *name)
{
  for (guint i = 0; i < self->filters->len; i++)
    {
      Filter *filter = &g_array_index (self->filters, Filter, i);

      if (g_str_equal (filter->spec->name, name))
        return filter;
    }
  return NULL;
}

static void
on_dropdown_selected (SecListPane *self)
{
  if (!self->updating)
    _sec_list_pane_apply_query_in_background (self);
}

void
_sec_list_pane_build_filters (SecListPane *self)
{
  int row = 0;

  for (const FilterSpec *spec = self->spec->filters; spec->name; spec++, row++)
    {
      Filter filter = { spec, NULL, gtk_string_list_new (NULL), g_ptr_array_new_with_free_func (g_free) };
      GtkWidget *label = gtk_label_new_with_mnemonic (_(spec->label));
      GtkDropDown *dropdown;

      g_ptr_array_add (filter.values, NULL);
      gtk_string_list_append (filter.labels, _(spec->all_label));
      dropdown = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (G_LIST_MODEL (filter.labels)), NULL));
      filter.dropdown = dropdown;
      gtk_widget_set_hexpand (GTK_WIDGET (dropdown), TRUE);
      if (spec->source == VALUES_COUNTRIES || spec->source == VALUES_PROJECT_COUNTRIES)
        {
          gtk_drop_down_set_expression (dropdown,
                                        gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
          gtk_drop_down_set_enable_search (dropdown, TRUE);
        }
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (dropdown));
      sec_drop_down_set_accessible_name (dropdown, gtk_label_get_text (GTK_LABEL (label)));
      gtk_widget_add_css_class (label, "dim-label");
      gtk_accessible_update_relation (GTK_ACCESSIBLE (dropdown),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
      gtk_grid_attach (self->filter_grid, label, 0, row, 1, 1);
      gtk_grid_attach (self->filter_grid, GTK_WIDGET (dropdown), 1, row, 1, 1);
      g_signal_connect_object (dropdown, "notify::selected",
                               G_CALLBACK (on_dropdown_selected), self, G_CONNECT_SWAPPED);
      g_array_append_val (self->filters, filter);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->filter_button), self->filters->len > 0);
  /* The search takes the room of a missing filter button, so that every
   * section's list is as wide as the others. */
  if (self->filters->len == 0)
    gtk_editable_set_max_width_chars (GTK_EDITABLE (self->search_entry),
                                      gtk_editable_get_max_width_chars (GTK_EDITABLE (self->search_entry)) + 5);
}

void
_sec_list_pane_build_sort_menu (SecListPane *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();

  for (const SortSpec *s = self->spec->sorts; s->id; s++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(s->label), NULL);

      g_menu_item_set_action_and_target (item, "pane.sort", "s", s->id);
      g_menu_append_item (section, item);
    }
  /* Translators: the heading of the menu of list orders */
  g_menu_append_section (menu, _("Sort By"), G_MENU_MODEL (section));
  gtk_menu_button_set_menu_model (self->sort_button, G_MENU_MODEL (menu));
  gtk_widget_set_visible (GTK_WIDGET (self->sort_button), self->spec->sorts[1].id != NULL);
}
