/**
 * Ribbon commands (the manifest's FunctionFile). Nothing is wired to the ribbon yet: `showAbout`
 * is registered for a future "About" button. Outside Office the file loads and does nothing.
 */

function showAbout(event: Office.AddinCommands.Event): void {
  // A future command will open a small dialog here; until then it only completes.
  event.completed();
}

if (typeof Office !== 'undefined') {
  Office.onReady(() => {
    // Office.actions exists only in hosts with the shared runtime / recent command support.
    if (Office.actions?.associate) Office.actions.associate('showAbout', showAbout);
  });
}
