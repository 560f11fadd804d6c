
use builtin;
use str;

set edit:completion:arg-completer[monorelay] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'monorelay'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'monorelay'= {
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand serve 'Run the relay server (in the foreground, or in the background with --daemon)'
            cand status 'Is the server running? Pid, version, uptime, address, config and the last minute''s requests (exit 3 when not running)'
            cand stop 'Stop the background server: graceful first, killed after --timeout'
            cand restart 'Stop the background server (if it runs) and start it again with these options'
            cand config 'Check, locate or print the configuration'
            cand route 'Show how a model name is routed, step by step'
            cand providers 'List, test and inspect upstream providers'
            cand top 'Watch the running server live: rates, keys, models and every request'
            cand logs 'The request log: tail, show, export, clear'
            cand stats 'Requests, errors, tokens, cost and latency from the hourly aggregates'
            cand keys 'Upstream keys: list, add, remove, enable, disable, import, export, reset'
            cand users 'Users and their relay keys: list, add, remove, passwd, role, enable, disable, keys'
            cand sync 'Back the config up to a private GitHub Gist or WebDAV (secrets encrypted) and bring it back'
            cand service 'Install, remove or inspect monorelay as a systemd (or launchd) service'
            cand init 'Write a first config.yml: pick a provider, paste its key (never overwrites without --force)'
            cand migrate 'Copy this data dir''s database (log, stats, users) into PostgreSQL for several relays'
            cand completions 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
            cand man 'Write the man pages into a directory'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'monorelay;serve'= {
            cand --host 'Address to listen on (overrides server.host)'
            cand --port 'Port to listen on (overrides server.port; 0 picks a free one)'
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand --daemon 'Run in the background: return once the server listens, with its pid in <data_dir>/monorelay.pid and its log in <data_dir>/monorelay.log (see `status`, `stop`)'
            cand --daemon-child 'Internal: the detached process `--daemon` starts'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;status'= {
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;stop'= {
            cand --timeout 'Seconds to wait for a graceful shutdown (in-flight requests finish) before the daemon is killed'
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;restart'= {
            cand --timeout 'Seconds to wait for a graceful shutdown (in-flight requests finish) before the daemon is killed'
            cand --host 'Address to listen on (overrides server.host)'
            cand --port 'Port to listen on (overrides server.port)'
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;config'= {
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand check 'Load and validate the config; list every problem with its key path (exit 1 if any)'
            cand show 'Print the config in use with every secret shown as ***'
            cand set 'Change settings by dotted path, e.g. `logging.max_age_days=14 server.public_host=relay.lan`. A VALUE that reads as JSON (number, true/false, null, [list], {object}, "string") is that; anything else is a string; null removes the key. All are written at once into the config file (comments kept), validated, and a running server reloads it. Secrets and providers are refused (see `keys` and the config file)'
            cand example 'Print a fully commented example config'
            cand path 'Print which config file is used'
            cand import 'Store FILE as the shared config in PostgreSQL (`config.source: postgres`); every running relay applies it within a second. FILE''s own `storage` names the database'
            cand export 'Print the shared config stored in PostgreSQL (the database the config''s `storage` names)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'monorelay;config;check'= {
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;config;show'= {
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;config;set'= {
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;config;example'= {
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;config;path'= {
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;config;import'= {
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;config;export'= {
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;config;help'= {
            cand check 'Load and validate the config; list every problem with its key path (exit 1 if any)'
            cand show 'Print the config in use with every secret shown as ***'
            cand set 'Change settings by dotted path, e.g. `logging.max_age_days=14 server.public_host=relay.lan`. A VALUE that reads as JSON (number, true/false, null, [list], {object}, "string") is that; anything else is a string; null removes the key. All are written at once into the config file (comments kept), validated, and a running server reloads it. Secrets and providers are refused (see `keys` and the config file)'
            cand example 'Print a fully commented example config'
            cand path 'Print which config file is used'
            cand import 'Store FILE as the shared config in PostgreSQL (`config.source: postgres`); every running relay applies it within a second. FILE''s own `storage` names the database'
            cand export 'Print the shared config stored in PostgreSQL (the database the config''s `storage` names)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'monorelay;config;help;check'= {
        }
        &'monorelay;config;help;show'= {
        }
        &'monorelay;config;help;set'= {
        }
        &'monorelay;config;help;example'= {
        }
        &'monorelay;config;help;path'= {
        }
        &'monorelay;config;help;import'= {
        }
        &'monorelay;config;help;export'= {
        }
        &'monorelay;config;help;help'= {
        }
        &'monorelay;route'= {
            cand --text 'Conversation text, for complexity routing (`auto`)'
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;providers'= {
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List providers: type, base URL, keys, models'
            cand test 'Send one small real request with every key; exit 1 if any key failed'
            cand verify 'Probe one provider with one key: text, tool call, stream; exit 1 if a check failed'
            cand models 'Fetch a provider''s model list from its upstream (cached for /v1/models)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'monorelay;providers;list'= {
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;providers;test'= {
            cand --model 'Model to test with (default: the provider''s test_model, else its first included model)'
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;providers;verify'= {
            cand --key 'The key''s label (default: the first enabled key)'
            cand --model 'Model to probe (default: the provider''s test_model, else its first included model)'
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;providers;models'= {
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;providers;help'= {
            cand list 'List providers: type, base URL, keys, models'
            cand test 'Send one small real request with every key; exit 1 if any key failed'
            cand verify 'Probe one provider with one key: text, tool call, stream; exit 1 if a check failed'
            cand models 'Fetch a provider''s model list from its upstream (cached for /v1/models)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'monorelay;providers;help;list'= {
        }
        &'monorelay;providers;help;test'= {
        }
        &'monorelay;providers;help;verify'= {
        }
        &'monorelay;providers;help;models'= {
        }
        &'monorelay;providers;help;help'= {
        }
        &'monorelay;top'= {
            cand --socket 'The server''s control socket (default: monorelay.sock in the data dir)'
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;logs'= {
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand tail 'Print the latest requests, one line each (oldest first); -f keeps following'
            cand show 'Show one request: metadata, then the conversation and the answer'
            cand export 'Export records as JSON lines or CSV'
            cand clear 'Delete every record (the hourly stats stay)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'monorelay;logs;tail'= {
            cand -n 'How many past requests to print first'
            cand --lines 'How many past requests to print first'
            cand --model 'Only models containing this text (requested or resolved)'
            cand --provider 'Only this provider'
            cand --user 'Only requests sent with this user''s relay keys'
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -f 'Keep printing requests as they finish (needs a running server)'
            cand --follow 'Keep printing requests as they finish (needs a running server)'
            cand --errors 'Only failed requests'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;logs;show'= {
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand --raw 'Print the stored record and bodies as JSON'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;logs;export'= {
            cand --since 'Start: a duration back from now (24h, 7d) or a date (2025-01-31, RFC 3339)'
            cand --until 'End (default: now)'
            cand --format 'format'
            cand -o 'Write to this file instead of stdout'
            cand --output 'Write to this file instead of stdout'
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand --bodies 'Include request and response bodies (JSON lines only)'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;logs;clear'= {
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand --yes 'Do not ask'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;logs;help'= {
            cand tail 'Print the latest requests, one line each (oldest first); -f keeps following'
            cand show 'Show one request: metadata, then the conversation and the answer'
            cand export 'Export records as JSON lines or CSV'
            cand clear 'Delete every record (the hourly stats stay)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'monorelay;logs;help;tail'= {
        }
        &'monorelay;logs;help;show'= {
        }
        &'monorelay;logs;help;export'= {
        }
        &'monorelay;logs;help;clear'= {
        }
        &'monorelay;logs;help;help'= {
        }
        &'monorelay;stats'= {
            cand --by 'Group rows by this'
            cand --since 'Start: a duration back from now (24h, 7d) or a date'
            cand --until 'End (default: now)'
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;keys'= {
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List every upstream key with its state (never the key itself)'
            cand add 'Add a key to a provider in config.yml'
            cand remove 'Remove a key from config.yml'
            cand enable 'Enable a key (config.yml, and at once on the running server)'
            cand disable 'Disable a key (config.yml, and at once on the running server)'
            cand import 'Add many keys from a file (''-'' for stdin): raw lines (`key` or `LABEL=key`, `#` comments), JSON (strings, `{key, label, weight}` objects, or label → key) or CSV (`key,label`)'
            cand export 'Print a provider''s keys (they are secrets: mind where the output goes)'
            cand reset 'Clear cooldowns, failures and invalid marks on the running server'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'monorelay;keys;list'= {
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;keys;add'= {
            cand --label 'label'
            cand --weight 'weight'
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;keys;remove'= {
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;keys;enable'= {
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;keys;disable'= {
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;keys;import'= {
            cand --format 'Default: from the file extension, else raw'
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;keys;export'= {
            cand --format 'format'
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;keys;reset'= {
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;keys;help'= {
            cand list 'List every upstream key with its state (never the key itself)'
            cand add 'Add a key to a provider in config.yml'
            cand remove 'Remove a key from config.yml'
            cand enable 'Enable a key (config.yml, and at once on the running server)'
            cand disable 'Disable a key (config.yml, and at once on the running server)'
            cand import 'Add many keys from a file (''-'' for stdin): raw lines (`key` or `LABEL=key`, `#` comments), JSON (strings, `{key, label, weight}` objects, or label → key) or CSV (`key,label`)'
            cand export 'Print a provider''s keys (they are secrets: mind where the output goes)'
            cand reset 'Clear cooldowns, failures and invalid marks on the running server'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'monorelay;keys;help;list'= {
        }
        &'monorelay;keys;help;add'= {
        }
        &'monorelay;keys;help;remove'= {
        }
        &'monorelay;keys;help;enable'= {
        }
        &'monorelay;keys;help;disable'= {
        }
        &'monorelay;keys;help;import'= {
        }
        &'monorelay;keys;help;export'= {
        }
        &'monorelay;keys;help;reset'= {
        }
        &'monorelay;keys;help;help'= {
        }
        &'monorelay;users'= {
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List users'
            cand add 'Add a user (works with or without a running server)'
            cand remove 'Remove a user with their relay keys and sessions'
            cand passwd 'Set a user''s password (ends their sessions)'
            cand role 'Change a user''s role'
            cand enable 'Let a user sign in and use their relay keys again'
            cand disable 'Stop a user: sign-in and their relay keys are refused'
            cand keys 'Relay keys of users: list, create, revoke'
            cand invite 'Make an invite code for SSO sign-up under `sso.registration: invite` (printed this once; the person signs in at /api/auth/sso/PROVIDER/login?invite=CODE)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'monorelay;users;list'= {
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;users;add'= {
            cand --role 'user, admin or super-admin'
            cand --email 'email'
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand --password-stdin 'Read the password from the first line of stdin instead of a prompt'
            cand --no-password 'Create the user without a password (SSO sign-in only, or set one later with `passwd`)'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;users;remove'= {
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;users;passwd'= {
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand --password-stdin 'Read the password from the first line of stdin instead of a prompt'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;users;role'= {
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;users;enable'= {
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;users;disable'= {
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;users;keys'= {
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List relay keys (never the keys themselves), of one user or of all'
            cand create 'Create a relay key for a user; the key is printed this once'
            cand revoke 'Revoke a relay key by its prefix (as listed)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'monorelay;users;keys;list'= {
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;users;keys;create'= {
            cand --label 'label'
            cand --models 'Allowed models: comma-separated globs against the requested name (default: all)'
            cand --rpm 'Requests per minute'
            cand --tokens-per-day 'tokens-per-day'
            cand --cost-per-month 'USD per calendar month (UTC)'
            cand --expires 'When the key stops working: `30d`, `12h`, or a date (`2026-01-31`, RFC 3339)'
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;users;keys;revoke'= {
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;users;keys;help'= {
            cand list 'List relay keys (never the keys themselves), of one user or of all'
            cand create 'Create a relay key for a user; the key is printed this once'
            cand revoke 'Revoke a relay key by its prefix (as listed)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'monorelay;users;keys;help;list'= {
        }
        &'monorelay;users;keys;help;create'= {
        }
        &'monorelay;users;keys;help;revoke'= {
        }
        &'monorelay;users;keys;help;help'= {
        }
        &'monorelay;users;invite'= {
            cand --role 'The role the new account gets: user or admin'
            cand --expires-hours 'Hours the code stays good (default 168, a week)'
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;users;help'= {
            cand list 'List users'
            cand add 'Add a user (works with or without a running server)'
            cand remove 'Remove a user with their relay keys and sessions'
            cand passwd 'Set a user''s password (ends their sessions)'
            cand role 'Change a user''s role'
            cand enable 'Let a user sign in and use their relay keys again'
            cand disable 'Stop a user: sign-in and their relay keys are refused'
            cand keys 'Relay keys of users: list, create, revoke'
            cand invite 'Make an invite code for SSO sign-up under `sso.registration: invite` (printed this once; the person signs in at /api/auth/sso/PROVIDER/login?invite=CODE)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'monorelay;users;help;list'= {
        }
        &'monorelay;users;help;add'= {
        }
        &'monorelay;users;help;remove'= {
        }
        &'monorelay;users;help;passwd'= {
        }
        &'monorelay;users;help;role'= {
        }
        &'monorelay;users;help;enable'= {
        }
        &'monorelay;users;help;disable'= {
        }
        &'monorelay;users;help;keys'= {
            cand list 'List relay keys (never the keys themselves), of one user or of all'
            cand create 'Create a relay key for a user; the key is printed this once'
            cand revoke 'Revoke a relay key by its prefix (as listed)'
        }
        &'monorelay;users;help;keys;list'= {
        }
        &'monorelay;users;help;keys;create'= {
        }
        &'monorelay;users;help;keys;revoke'= {
        }
        &'monorelay;users;help;invite'= {
        }
        &'monorelay;users;help;help'= {
        }
        &'monorelay;sync'= {
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand setup 'Verify the GitHub token, find the private Gist "MonoRelay Configuration" or create it, and record its id (sync.gist_id). The token comes from MONORELAY_GITHUB_TOKEN / GITHUB_TOKEN, or --token-stdin (then stored 0600 in the data dir, never printed)'
            cand push 'Push config.yml (secrets replaced by references) and secrets.age (encrypted under MONORELAY_SYNC_PASSPHRASE or the passphrase prompted for; without one secrets are not pushed). Refused when the remote changed since the last sync, unless --force'
            cand pull 'Fetch, decrypt, check and write the remote config (a timestamped backup is kept), then reload the running server. Refused over local edits made since the last sync, unless --force'
            cand diff 'Show what a pull would change (secrets shown as references)'
            cand status 'Where sync stands: Gist, token source, versions, last push/pull, last error'
            cand history 'The Gist''s revisions, newest first (restore one with `pull --revision SHA`)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'monorelay;sync;setup'= {
            cand --api-base 'GitHub API base URL when the config sets no sync.api_base (GitHub Enterprise: https://HOST/api/v3)'
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand --token-stdin 'Read the GitHub token from stdin and keep it in the data dir (mode 0600)'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;sync;push'= {
            cand --to 'Where to push'
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand --force 'Overwrite the remote even if it changed since the last sync'
            cand --with-stats 'Also push a stats snapshot (stats.json, last 24 h)'
            cand --passphrase-stdin 'Read the passphrase from stdin (else MONORELAY_SYNC_PASSPHRASE, else a prompt in a terminal)'
            cand --no-passphrase 'Do not ask for a passphrase: push without secrets / keep the local ones on pull'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;sync;pull'= {
            cand --from 'Where to pull from'
            cand --revision 'A Gist revision (see `sync history`) instead of the latest'
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand --force 'Replace the local config even if it was edited since the last sync'
            cand --dry-run 'Show what would change; write nothing'
            cand --passphrase-stdin 'Read the passphrase from stdin (else MONORELAY_SYNC_PASSPHRASE, else a prompt in a terminal)'
            cand --no-passphrase 'Do not ask for a passphrase: push without secrets / keep the local ones on pull'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;sync;diff'= {
            cand --from 'from'
            cand --revision 'revision'
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand --passphrase-stdin 'Read the passphrase from stdin (else MONORELAY_SYNC_PASSPHRASE, else a prompt in a terminal)'
            cand --no-passphrase 'Do not ask for a passphrase: push without secrets / keep the local ones on pull'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;sync;status'= {
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;sync;history'= {
            cand --limit 'At most this many revisions'
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;sync;help'= {
            cand setup 'Verify the GitHub token, find the private Gist "MonoRelay Configuration" or create it, and record its id (sync.gist_id). The token comes from MONORELAY_GITHUB_TOKEN / GITHUB_TOKEN, or --token-stdin (then stored 0600 in the data dir, never printed)'
            cand push 'Push config.yml (secrets replaced by references) and secrets.age (encrypted under MONORELAY_SYNC_PASSPHRASE or the passphrase prompted for; without one secrets are not pushed). Refused when the remote changed since the last sync, unless --force'
            cand pull 'Fetch, decrypt, check and write the remote config (a timestamped backup is kept), then reload the running server. Refused over local edits made since the last sync, unless --force'
            cand diff 'Show what a pull would change (secrets shown as references)'
            cand status 'Where sync stands: Gist, token source, versions, last push/pull, last error'
            cand history 'The Gist''s revisions, newest first (restore one with `pull --revision SHA`)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'monorelay;sync;help;setup'= {
        }
        &'monorelay;sync;help;push'= {
        }
        &'monorelay;sync;help;pull'= {
        }
        &'monorelay;sync;help;diff'= {
        }
        &'monorelay;sync;help;status'= {
        }
        &'monorelay;sync;help;history'= {
        }
        &'monorelay;sync;help;help'= {
        }
        &'monorelay;service'= {
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand install 'Write the unit (or plist), enable and start it'
            cand uninstall 'Stop and disable the service and remove its unit (the data dir is kept)'
            cand status 'Whether the unit is installed and what the service manager says about it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'monorelay;service;install'= {
            cand --manager 'Service manager (default: launchd on macOS, systemd elsewhere)'
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand --user 'A unit for your user only (systemd --user / a LaunchAgent) instead of a system service'
            cand --dry-run 'Print the unit and the commands instead of running them'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;service;uninstall'= {
            cand --manager 'Service manager (default: launchd on macOS, systemd elsewhere)'
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand --user 'A unit for your user only (systemd --user / a LaunchAgent) instead of a system service'
            cand --dry-run 'Print the unit and the commands instead of running them'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;service;status'= {
            cand --manager 'Service manager (default: launchd on macOS, systemd elsewhere)'
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand --user 'A unit for your user only (systemd --user / a LaunchAgent) instead of a system service'
            cand --dry-run 'Print the unit and the commands instead of running them'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;service;help'= {
            cand install 'Write the unit (or plist), enable and start it'
            cand uninstall 'Stop and disable the service and remove its unit (the data dir is kept)'
            cand status 'Whether the unit is installed and what the service manager says about it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'monorelay;service;help;install'= {
        }
        &'monorelay;service;help;uninstall'= {
        }
        &'monorelay;service;help;status'= {
        }
        &'monorelay;service;help;help'= {
        }
        &'monorelay;init'= {
            cand --provider 'The first provider (a preset: openrouter, openai, anthropic, deepseek, groq, nvidia)'
            cand --key-env 'Reference an environment variable holding the key instead (written as ${NAME})'
            cand --output 'Where to write (default: --config, else ./config.yml)'
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand --key-stdin 'Read the provider''s key(s) from stdin, one per line'
            cand --force 'Replace an existing file'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;migrate'= {
            cand --to 'Where to copy the data dir''s database to'
            cand --postgres-url 'The database (default: the config''s storage.postgres_url)'
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;completions'= {
            cand --dir 'Write the scripts for every shell into DIR instead (monorelay.bash, _monorelay, monorelay.fish, _monorelay.ps1, monorelay.elv)'
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;man'= {
            cand --config 'Config file (default: ./config.yml if it exists, else the embedded default)'
            cand --data-dir 'Where the access key, database and control socket live (default: server.data_dir, else ./data)'
            cand --log-format 'Log line format'
            cand -v 'More log output (-v debug, -vv trace)'
            cand --verbose 'More log output (-v debug, -vv trace)'
            cand -q 'Less log output (-q warnings only, -qq errors only)'
            cand --quiet 'Less log output (-q warnings only, -qq errors only)'
            cand --json 'Print data as JSON instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'monorelay;help'= {
            cand serve 'Run the relay server (in the foreground, or in the background with --daemon)'
            cand status 'Is the server running? Pid, version, uptime, address, config and the last minute''s requests (exit 3 when not running)'
            cand stop 'Stop the background server: graceful first, killed after --timeout'
            cand restart 'Stop the background server (if it runs) and start it again with these options'
            cand config 'Check, locate or print the configuration'
            cand route 'Show how a model name is routed, step by step'
            cand providers 'List, test and inspect upstream providers'
            cand top 'Watch the running server live: rates, keys, models and every request'
            cand logs 'The request log: tail, show, export, clear'
            cand stats 'Requests, errors, tokens, cost and latency from the hourly aggregates'
            cand keys 'Upstream keys: list, add, remove, enable, disable, import, export, reset'
            cand users 'Users and their relay keys: list, add, remove, passwd, role, enable, disable, keys'
            cand sync 'Back the config up to a private GitHub Gist or WebDAV (secrets encrypted) and bring it back'
            cand service 'Install, remove or inspect monorelay as a systemd (or launchd) service'
            cand init 'Write a first config.yml: pick a provider, paste its key (never overwrites without --force)'
            cand migrate 'Copy this data dir''s database (log, stats, users) into PostgreSQL for several relays'
            cand completions 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
            cand man 'Write the man pages into a directory'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'monorelay;help;serve'= {
        }
        &'monorelay;help;status'= {
        }
        &'monorelay;help;stop'= {
        }
        &'monorelay;help;restart'= {
        }
        &'monorelay;help;config'= {
            cand check 'Load and validate the config; list every problem with its key path (exit 1 if any)'
            cand show 'Print the config in use with every secret shown as ***'
            cand set 'Change settings by dotted path, e.g. `logging.max_age_days=14 server.public_host=relay.lan`. A VALUE that reads as JSON (number, true/false, null, [list], {object}, "string") is that; anything else is a string; null removes the key. All are written at once into the config file (comments kept), validated, and a running server reloads it. Secrets and providers are refused (see `keys` and the config file)'
            cand example 'Print a fully commented example config'
            cand path 'Print which config file is used'
            cand import 'Store FILE as the shared config in PostgreSQL (`config.source: postgres`); every running relay applies it within a second. FILE''s own `storage` names the database'
            cand export 'Print the shared config stored in PostgreSQL (the database the config''s `storage` names)'
        }
        &'monorelay;help;config;check'= {
        }
        &'monorelay;help;config;show'= {
        }
        &'monorelay;help;config;set'= {
        }
        &'monorelay;help;config;example'= {
        }
        &'monorelay;help;config;path'= {
        }
        &'monorelay;help;config;import'= {
        }
        &'monorelay;help;config;export'= {
        }
        &'monorelay;help;route'= {
        }
        &'monorelay;help;providers'= {
            cand list 'List providers: type, base URL, keys, models'
            cand test 'Send one small real request with every key; exit 1 if any key failed'
            cand verify 'Probe one provider with one key: text, tool call, stream; exit 1 if a check failed'
            cand models 'Fetch a provider''s model list from its upstream (cached for /v1/models)'
        }
        &'monorelay;help;providers;list'= {
        }
        &'monorelay;help;providers;test'= {
        }
        &'monorelay;help;providers;verify'= {
        }
        &'monorelay;help;providers;models'= {
        }
        &'monorelay;help;top'= {
        }
        &'monorelay;help;logs'= {
            cand tail 'Print the latest requests, one line each (oldest first); -f keeps following'
            cand show 'Show one request: metadata, then the conversation and the answer'
            cand export 'Export records as JSON lines or CSV'
            cand clear 'Delete every record (the hourly stats stay)'
        }
        &'monorelay;help;logs;tail'= {
        }
        &'monorelay;help;logs;show'= {
        }
        &'monorelay;help;logs;export'= {
        }
        &'monorelay;help;logs;clear'= {
        }
        &'monorelay;help;stats'= {
        }
        &'monorelay;help;keys'= {
            cand list 'List every upstream key with its state (never the key itself)'
            cand add 'Add a key to a provider in config.yml'
            cand remove 'Remove a key from config.yml'
            cand enable 'Enable a key (config.yml, and at once on the running server)'
            cand disable 'Disable a key (config.yml, and at once on the running server)'
            cand import 'Add many keys from a file (''-'' for stdin): raw lines (`key` or `LABEL=key`, `#` comments), JSON (strings, `{key, label, weight}` objects, or label → key) or CSV (`key,label`)'
            cand export 'Print a provider''s keys (they are secrets: mind where the output goes)'
            cand reset 'Clear cooldowns, failures and invalid marks on the running server'
        }
        &'monorelay;help;keys;list'= {
        }
        &'monorelay;help;keys;add'= {
        }
        &'monorelay;help;keys;remove'= {
        }
        &'monorelay;help;keys;enable'= {
        }
        &'monorelay;help;keys;disable'= {
        }
        &'monorelay;help;keys;import'= {
        }
        &'monorelay;help;keys;export'= {
        }
        &'monorelay;help;keys;reset'= {
        }
        &'monorelay;help;users'= {
            cand list 'List users'
            cand add 'Add a user (works with or without a running server)'
            cand remove 'Remove a user with their relay keys and sessions'
            cand passwd 'Set a user''s password (ends their sessions)'
            cand role 'Change a user''s role'
            cand enable 'Let a user sign in and use their relay keys again'
            cand disable 'Stop a user: sign-in and their relay keys are refused'
            cand keys 'Relay keys of users: list, create, revoke'
            cand invite 'Make an invite code for SSO sign-up under `sso.registration: invite` (printed this once; the person signs in at /api/auth/sso/PROVIDER/login?invite=CODE)'
        }
        &'monorelay;help;users;list'= {
        }
        &'monorelay;help;users;add'= {
        }
        &'monorelay;help;users;remove'= {
        }
        &'monorelay;help;users;passwd'= {
        }
        &'monorelay;help;users;role'= {
        }
        &'monorelay;help;users;enable'= {
        }
        &'monorelay;help;users;disable'= {
        }
        &'monorelay;help;users;keys'= {
            cand list 'List relay keys (never the keys themselves), of one user or of all'
            cand create 'Create a relay key for a user; the key is printed this once'
            cand revoke 'Revoke a relay key by its prefix (as listed)'
        }
        &'monorelay;help;users;keys;list'= {
        }
        &'monorelay;help;users;keys;create'= {
        }
        &'monorelay;help;users;keys;revoke'= {
        }
        &'monorelay;help;users;invite'= {
        }
        &'monorelay;help;sync'= {
            cand setup 'Verify the GitHub token, find the private Gist "MonoRelay Configuration" or create it, and record its id (sync.gist_id). The token comes from MONORELAY_GITHUB_TOKEN / GITHUB_TOKEN, or --token-stdin (then stored 0600 in the data dir, never printed)'
            cand push 'Push config.yml (secrets replaced by references) and secrets.age (encrypted under MONORELAY_SYNC_PASSPHRASE or the passphrase prompted for; without one secrets are not pushed). Refused when the remote changed since the last sync, unless --force'
            cand pull 'Fetch, decrypt, check and write the remote config (a timestamped backup is kept), then reload the running server. Refused over local edits made since the last sync, unless --force'
            cand diff 'Show what a pull would change (secrets shown as references)'
            cand status 'Where sync stands: Gist, token source, versions, last push/pull, last error'
            cand history 'The Gist''s revisions, newest first (restore one with `pull --revision SHA`)'
        }
        &'monorelay;help;sync;setup'= {
        }
        &'monorelay;help;sync;push'= {
        }
        &'monorelay;help;sync;pull'= {
        }
        &'monorelay;help;sync;diff'= {
        }
        &'monorelay;help;sync;status'= {
        }
        &'monorelay;help;sync;history'= {
        }
        &'monorelay;help;service'= {
            cand install 'Write the unit (or plist), enable and start it'
            cand uninstall 'Stop and disable the service and remove its unit (the data dir is kept)'
            cand status 'Whether the unit is installed and what the service manager says about it'
        }
        &'monorelay;help;service;install'= {
        }
        &'monorelay;help;service;uninstall'= {
        }
        &'monorelay;help;service;status'= {
        }
        &'monorelay;help;init'= {
        }
        &'monorelay;help;migrate'= {
        }
        &'monorelay;help;completions'= {
        }
        &'monorelay;help;man'= {
        }
        &'monorelay;help;help'= {
        }
    ]
    $completions[$command]
}
