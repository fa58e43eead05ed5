/* test-delegates-ui.c: delegates and alternates in the window, on the demo
 * data: a membership's alternates group (add with the picker, remove), and
 * on a meeting's tools the alternate proposed when a delegate declines,
 * taken with one click. */
#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "core/meetings/sec-delegates.h"
#include "core/meetings/sec-invitations.h"
#include "core/store/sec-records.h"
#include "core/store/sec-store.h"
#include "ui/meetings/sec-alternates-group.h"
#include "ui/meetings/sec-meeting-tools.h"
#include "ui/records/sec-record-editor.h"
#include "ui/widgets/sec-record-picker-row.h"
#include "ui/widgets/sec-detail-row.h"
#include "sec-test-ui.h"
#include "sec-test-util.h"

#define JOINT_2027 3

typedef struct {
  char      *dir;
  SecStore  *store;
  GtkWidget *window;
  gint64     membership_id;
  gint64     delegate;
  gint64     alternate;
} Fixture;

#define iterate sec_test_iterate

static GPtrArray *
list_where (Fixture *f, GType type, const char *field, gint64 id)
{
  g_autoptr(SecQuery) q = sec_query_new ();
  g_autofree char *text = sec_test_id_text (id);

  sec_query_add (q, field, SEC_QUERY_EQUALS, text);
  return sec_store_list (f->store, type, q, NULL);
}

/* A member of the joint meeting's bodies not yet invited, with two people:
 * its membership, a delegate and an alternate. */
static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) memberships = NULL;
  SecMemberOrganisation *member = NULL;

  f->dir = sec_test_make_tmp_dir ("sec-delegates-ui-XXXXXX");
  f->store = sec_test_open_demo (f->dir, NULL);
  members = sec_invitations_list_members (f->store, JOINT_2027, NULL);
  for (guint i = 0; member == NULL && i < members->len; i++)
    if (!((SecMemberOrganisation *) g_ptr_array_index (members, i))->represented &&
        ((SecMemberOrganisation *) g_ptr_array_index (members, i))->n_people >= 2)
      member = g_ptr_array_index (members, i);
  g_assert_nonnull (member);
  people = list_where (f, SEC_TYPE_PERSON, "organisation", member->organisation_id);
  f->delegate = sec_record_get_id (g_ptr_array_index (people, 0));
  f->alternate = sec_record_get_id (g_ptr_array_index (people, 1));
  memberships = list_where (f, SEC_TYPE_MEMBERSHIP, "organisation", member->organisation_id);
  for (guint i = 0; i < memberships->len; i++)
    if (g_str_equal (sec_record_get_string (g_ptr_array_index (memberships, i), "status"), "active"))
      f->membership_id = sec_record_get_id (g_ptr_array_index (memberships, i));
  g_assert_cmpint (f->membership_id, !=, 0);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 600, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  iterate ();
}

/* @child in the window as the record page holds it: scrolled, so that the
 * window need not be as tall as the tools (Xvfb's screen may be smaller). */
static void
show_scrolled (Fixture   *f,
               GtkWidget *child)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), child);
  gtk_window_set_child (GTK_WINDOW (f->window), scrolled);
  iterate ();
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  sec_test_destroy_windows ();
  sec_test_close_store (f->store, f->dir);
  g_free (f->dir);
}

static void
test_alternates_group (Fixture *f, gconstpointer data)
{
  g_autoptr(SecRecord) membership = sec_store_get (f->store, SEC_TYPE_MEMBERSHIP, f->membership_id, NULL);
  g_autoptr(GPtrArray) pickers = g_ptr_array_new ();
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GArray) ids = NULL;
  GtkWidget *group;

  group = sec_alternates_group_new (f->store, membership);
  gtk_window_set_child (GTK_WINDOW (f->window), group);
  iterate ();
  sec_test_collect_widgets (group, SEC_TYPE_RECORD_PICKER_ROW, FALSE, pickers);
  g_assert_cmpuint (pickers->len, ==, 1);
  sec_record_picker_row_set_record_id (g_ptr_array_index (pickers, 0), f->alternate);
  iterate ();
  ids = sec_membership_list_alternates (f->store, f->membership_id, NULL);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, f->alternate);
  g_clear_pointer (&ids, g_array_unref);

  /* Made again, as the page does after a change: the alternate listed,
   * removed with its button. */
  group = sec_alternates_group_new (f->store, membership);
  gtk_window_set_child (GTK_WINDOW (f->window), group);
  iterate ();
  {
    g_autoptr(SecRecord) person = sec_store_get (f->store, SEC_TYPE_PERSON, f->alternate, NULL);
    g_autofree char *name = sec_record_dup_title (person);

    g_assert_nonnull (sec_test_find_row (group, name));
  }
  sec_test_collect_widgets (group, GTK_TYPE_BUTTON, FALSE, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_icon_name (g_ptr_array_index (buttons, i)), "list-remove-symbolic") == 0)
      g_signal_emit_by_name (g_ptr_array_index (buttons, i), "clicked");
  iterate ();
  ids = sec_membership_list_alternates (f->store, f->membership_id, NULL);
  g_assert_cmpuint (ids->len, ==, 0);
}

static void
test_substitute (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecInvitationResult) result = NULL;
  g_autoptr(SecRecord) meeting = NULL;
  g_autoptr(SecRecord) participant = NULL;
  GtkWidget *tools;
  GtkWidget *row;
  gint64 participant_id;

  g_assert_true (sec_membership_set_representatives (f->store, f->membership_id, f->delegate, &f->alternate, 1, &error));
  g_assert_true (sec_invitations_invite_members (f->store, JOINT_2027, NULL, 0, &result, &error));
  participant_id = sec_store_find_participant (f->store, JOINT_2027, f->delegate, &error);
  g_assert_cmpint (participant_id, >, 0);

  /* Invited: no proposal. */
  meeting = sec_store_get (f->store, SEC_TYPE_MEETING, JOINT_2027, NULL);
  tools = sec_meeting_tools_new (f->store, meeting);
  show_scrolled (f, tools);
  g_assert_null (sec_test_find_row (tools, "substitute-proposal"));

  /* Declined: the alternate, taken with one click. */
  g_assert_true (sec_participants_set_status (f->store, &participant_id, 1, "declined", 0, &error));
  tools = sec_meeting_tools_new (f->store, meeting);
  show_scrolled (f, tools);
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();

    row = NULL;
    sec_test_collect_widgets (tools, SEC_TYPE_DETAIL_ROW, FALSE, rows);
    for (guint i = 0; i < rows->len; i++)
      if (g_strcmp0 (gtk_widget_get_name (g_ptr_array_index (rows, i)), "substitute-proposal") == 0)
        row = g_ptr_array_index (rows, i);
  }
  g_assert_nonnull (row);
  g_assert_true (g_str_has_suffix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), " declined"));
  gtk_widget_activate_action (tools, "tools.substitute", "(xx)", participant_id, f->alternate);
  iterate ();
  participant = sec_store_get (f->store, SEC_TYPE_PARTICIPANT, participant_id, &error);
  g_assert_cmpstr (sec_record_get_string (participant, "status"), ==, "replaced");
  g_assert_cmpint (sec_record_get_ref (participant, "substitute"), ==, f->alternate);
}

/* The people a picker of @root titled @title offers, searching for nothing. */
static guint
count_offered (GtkWidget  *root,
               const char *title,
               gint64      organisation_id)
{
  g_autoptr(GPtrArray) pickers = g_ptr_array_new ();
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  SecRecordPickerRow *picker = NULL;
  GListModel *model;
  guint n;

  sec_test_collect_widgets (root, SEC_TYPE_RECORD_PICKER_ROW, FALSE, pickers);
  for (guint i = 0; i < pickers->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (pickers, i)), title) == 0)
      picker = g_ptr_array_index (pickers, i);
  g_assert_nonnull (picker);
  sec_record_picker_row_search (picker, "");
  iterate ();
  sec_test_collect_widgets (GTK_WIDGET (picker), GTK_TYPE_LIST_VIEW, FALSE, views);
  g_assert_cmpuint (views->len, ==, 1);
  model = G_LIST_MODEL (gtk_list_view_get_model (g_ptr_array_index (views, 0)));
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SecRecord) person = g_list_model_get_item (model, i);

      g_assert_cmpint (sec_record_get_ref (person, "organisation"), ==, organisation_id);
    }
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (g_ptr_array_index (views, 0), GTK_TYPE_POPOVER)));
  iterate ();
  return n;
}

/* A membership's delegate is picked among its organisation's people only,
 * and so are its alternates; the choice follows the organisation. */
static void
test_delegate_picker (Fixture *f, gconstpointer data)
{
  g_autoptr(SecRecord) membership = sec_store_get (f->store, SEC_TYPE_MEMBERSHIP, f->membership_id, NULL);
  gint64 organisation = sec_record_get_ref (membership, "organisation");
  g_autoptr(GPtrArray) own = list_where (f, SEC_TYPE_PERSON, "organisation", organisation);
  g_autoptr(GPtrArray) everybody = sec_store_list (f->store, SEC_TYPE_PERSON, NULL, NULL);
  g_autoptr(GPtrArray) others = NULL;
  g_autofree char *other_text = NULL;
  SecRecordEditor *editor;
  GtkWidget *group;
  gint64 other = 0;

  g_assert_cmpuint (own->len, >=, 2);
  g_assert_cmpuint (everybody->len, >, own->len);
  editor = sec_record_editor_new (GTK_WINDOW (f->window), f->store, SEC_TYPE_MEMBERSHIP, membership);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_window_present (GTK_WINDOW (editor));
  iterate ();
  g_assert_cmpuint (count_offered (GTK_WIDGET (editor), "Delegate", organisation), ==, own->len);

  /* Another organisation chosen: its people. */
  for (guint i = 0; other == 0 && i < everybody->len; i++)
    {
      gint64 of = sec_record_get_ref (g_ptr_array_index (everybody, i), "organisation");

      if (of != 0 && of != organisation)
        other = of;
    }
  others = list_where (f, SEC_TYPE_PERSON, "organisation", other);
  other_text = sec_test_id_text (other);
  sec_record_editor_set_field (editor, "organisation", other_text);
  iterate ();
  g_assert_cmpuint (count_offered (GTK_WIDGET (editor), "Delegate", other), ==, others->len);
  gtk_window_destroy (GTK_WINDOW (editor));
  iterate ();
  g_assert_null (editor);

  group = sec_alternates_group_new (f->store, membership);
  gtk_window_set_child (GTK_WINDOW (f->window), group);
  iterate ();
  g_assert_cmpuint (count_offered (group, "Add an Alternate", organisation), ==, own->len);
}

int
main (int argc, char *argv[])
{
  sec_test_install_log_writer ();
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  sec_test_tolerate_dialog_warning ();

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/delegates-ui/alternates-group", test_alternates_group);
  ADD ("/delegates-ui/substitute", test_substitute);
  ADD ("/delegates-ui/delegate-picker", test_delegate_picker);

  return g_test_run ();
}
