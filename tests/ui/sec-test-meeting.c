/* sec-test-meeting.c: the fixture of a meeting's widget tests */
#include "config.h"

#include "sec-test-meeting.h"
#include "sec-test-ui.h"
#include "sec-test-util.h"

void
sec_test_meeting_setup (SecTestMeeting *f,
                        gconstpointer   data)
{
  f->dir = sec_test_make_tmp_dir ("sec-meeting-ui-XXXXXX");
  f->store = sec_test_open_demo (f->dir, NULL);

  /* The size of a record page: not GtkWindow's fallback of 200×200, which
   * newer GTK warns is narrower than the tools' rows. */
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 600, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  sec_test_iterate ();
}

void
sec_test_meeting_teardown (SecTestMeeting *f,
                           gconstpointer   data)
{
  sec_test_destroy_windows ();
  sec_test_close_store (f->store, f->dir);
  g_free (f->dir);
}

SecRecord *
sec_test_get_meeting (SecTestMeeting *f,
                      gint64          id)
{
  g_autoptr(GError) error = NULL;
  SecRecord *meeting = sec_store_get (f->store, SEC_TYPE_MEETING, id, &error);

  g_assert_no_error (error);
  return meeting;
}
