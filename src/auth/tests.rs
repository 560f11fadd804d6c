//! `Users` over a real redb file: users, keys, refusals, usage surviving a reopen, sessions.

use super::*;
use crate::store::RedbStore;

fn open(dir: &std::path::Path) -> Arc<Users> {
    let store = Arc::new(RedbStore::open(&dir.join(crate::store::DB_FILE)).unwrap());
    Users::open(store).unwrap()
}

#[test]
fn users_keys_and_usage_survive_a_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let users = open(dir.path());
    users.add("alice", Role::SuperAdmin, None, Some("password1")).unwrap();
    users.add("bob", Role::User, Some("bob@example.com".into()), None).unwrap();
    assert!(matches!(users.add("bob", Role::User, None, None), Err(AuthError::Conflict(_))));
    assert!(matches!(users.add("<b>", Role::User, None, None), Err(AuthError::Invalid { .. })));
    let (key, rk) =
        users.create_key("bob", Some("laptop".into()), Limits { rpm: Some(5), ..Limits::default() }, None).unwrap();
    let p = users.authenticate_key(&key).unwrap();
    assert_eq!((p.user.as_str(), p.key_label.as_str()), ("bob", "laptop"));
    p.admit("gpt-4o").unwrap();
    users.flush();
    drop((p, users));

    let users = open(dir.path());
    assert_eq!(users.list().len(), 2);
    let (_, usage) = users.keys(Some("bob")).pop().unwrap();
    assert_eq!(usage.requests, 1);
    assert!(users.check_password("alice", "password1").is_ok());
    assert_eq!(users.check_password("alice", "password2").unwrap_err(), KeyRefusal::Unknown);
    assert_eq!(users.check_password("nobody", "password1").unwrap_err(), KeyRefusal::Unknown);
    users.revoke_key(&rk.prefix).unwrap();
    assert_eq!(users.authenticate_key(&key).unwrap_err(), KeyRefusal::Revoked);
    let mut forged = key.clone();
    forged.pop();
    forged.push(if key.ends_with('a') { 'b' } else { 'a' });
    assert_eq!(users.authenticate_key(&forged).unwrap_err(), KeyRefusal::Unknown);
    // The last super-admin stays.
    assert!(matches!(users.remove("alice"), Err(AuthError::Forbidden(_))));
    users.remove("bob").unwrap();
    assert!(users.keys(None).is_empty());
}

#[test]
fn sessions_end_and_logins_are_throttled() {
    let dir = tempfile::tempdir().unwrap();
    let users = open(dir.path());
    users.add("carol", Role::Admin, None, Some("password1")).unwrap();
    let (t1, _) = users.start_session("carol").unwrap();
    let (t2, _) = users.start_session("carol").unwrap();
    assert!(users.session(&t1).is_some());
    users.end_other_sessions("carol", Some(&t2)).unwrap();
    assert!(users.session(&t1).is_none());
    assert!(users.session(&t2).is_some());
    drop(users);
    let users = open(dir.path());
    assert!(users.session(&t2).is_some(), "sessions survive a restart");
    users.end_session(&t2).unwrap();
    assert!(users.session(&t2).is_none());
    for _ in 0..LOGIN_MAX_FAILURES {
        assert!(users.login_blocked("carol", Some("10.0.0.1")).is_none());
        users.login_failed("carol", Some("10.0.0.1"));
    }
    assert!(users.login_blocked("carol", Some("10.0.0.2")).is_some(), "per username");
    assert!(users.login_blocked("dave", Some("10.0.0.1")).is_some(), "per address");
    assert!(users.login_blocked("dave", Some("10.0.0.2")).is_none());
}
