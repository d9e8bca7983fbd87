// The local identity provider's sign-in page: a username (pre-filled from MSAL's login_hint, as
// Entra pre-fills it), "Sign in" and "Cancel". No password: this stands in for Entra on one
// machine, never for a school's real accounts.

export interface LoginPageUser {
  userPrincipalName: string;
  displayName: string;
}

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

export function loginPage(page: {
  action: string;
  hint: string;
  users: LoginPageUser[];
  tenantName?: string;
  error?: string;
}): string {
  const options = page.users
    .map(
      (u) =>
        `<option value="${escapeHtml(u.userPrincipalName)}">${escapeHtml(u.displayName)}</option>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>Sign in to your account</title>
<style>
body { font-family: 'Segoe UI', system-ui, sans-serif; margin: 0; background: #f2f2f2; }
main { max-width: 440px; margin: 48px auto; background: #fff; padding: 32px; box-shadow: 0 2px 6px rgba(0,0,0,.2); }
label, input, button { display: block; font-size: 15px; }
input { width: 100%; box-sizing: border-box; padding: 6px; margin: 8px 0 16px; }
.buttons { display: flex; gap: 8px; justify-content: flex-end; }
.error { color: #a80000; }
.note { color: #555; font-size: 13px; }
</style>
</head>
<body>
<main>
<h1>Sign in</h1>
<p class="note">${escapeHtml(page.tenantName ?? 'Local school')} — local identity provider (stands in for Microsoft Entra ID on this machine).</p>
${page.error ? `<p class="error" role="alert">${escapeHtml(page.error)}</p>` : ''}
<form method="post" action="${escapeHtml(page.action)}" autocomplete="off">
<label for="username">Email, phone, or Skype</label>
<input id="username" name="username" type="email" list="people" value="${escapeHtml(page.hint)}" required autofocus />
<datalist id="people">${options}</datalist>
<div class="buttons">
<button type="submit" name="cancel" value="1" formnovalidate>Cancel</button>
<button type="submit" id="sign-in">Sign in</button>
</div>
</form>
</main>
</body>
</html>`;
}
