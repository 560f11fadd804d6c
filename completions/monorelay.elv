
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
            cand service 'Install, remove or inspect monorelay as a systemd (or launchd) service'
            cand init 'Write a first config.yml: pick a provider, paste its key (never overwrites without --force)'
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
            cand example 'Print a fully commented example config'
            cand path 'Print which config file is used'
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
        &'monorelay;config;help'= {
            cand check 'Load and validate the config; list every problem with its key path (exit 1 if any)'
            cand show 'Print the config in use with every secret shown as ***'
            cand example 'Print a fully commented example config'
            cand path 'Print which config file is used'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'monorelay;config;help;check'= {
        }
        &'monorelay;config;help;show'= {
        }
        &'monorelay;config;help;example'= {
        }
        &'monorelay;config;help;path'= {
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
            cand models 'Fetch a provider''s model list from its upstream (cached for /v1/models)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'monorelay;providers;help;list'= {
        }
        &'monorelay;providers;help;test'= {
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
            cand service 'Install, remove or inspect monorelay as a systemd (or launchd) service'
            cand init 'Write a first config.yml: pick a provider, paste its key (never overwrites without --force)'
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
            cand example 'Print a fully commented example config'
            cand path 'Print which config file is used'
        }
        &'monorelay;help;config;check'= {
        }
        &'monorelay;help;config;show'= {
        }
        &'monorelay;help;config;example'= {
        }
        &'monorelay;help;config;path'= {
        }
        &'monorelay;help;route'= {
        }
        &'monorelay;help;providers'= {
            cand list 'List providers: type, base URL, keys, models'
            cand test 'Send one small real request with every key; exit 1 if any key failed'
            cand models 'Fetch a provider''s model list from its upstream (cached for /v1/models)'
        }
        &'monorelay;help;providers;list'= {
        }
        &'monorelay;help;providers;test'= {
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
        &'monorelay;help;completions'= {
        }
        &'monorelay;help;man'= {
        }
        &'monorelay;help;help'= {
        }
    ]
    $completions[$command]
}
