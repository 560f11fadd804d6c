# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_monorelay_global_optspecs
    string join \n config= data-dir= v/verbose q/quiet log-format= json h/help V/version
end

function __fish_monorelay_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_monorelay_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_monorelay_using_subcommand
    set -l cmd (__fish_monorelay_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c monorelay -n "__fish_monorelay_needs_command" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_needs_command" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_needs_command" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_needs_command" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_needs_command" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_needs_command" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c monorelay -n "__fish_monorelay_needs_command" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_needs_command" -f -a "serve" -d 'Run the relay server (in the foreground, or in the background with --daemon)'
complete -c monorelay -n "__fish_monorelay_needs_command" -f -a "status" -d 'Is the server running? Pid, version, uptime, address, config and the last minute\'s requests (exit 3 when not running)'
complete -c monorelay -n "__fish_monorelay_needs_command" -f -a "stop" -d 'Stop the background server: graceful first, killed after --timeout'
complete -c monorelay -n "__fish_monorelay_needs_command" -f -a "restart" -d 'Stop the background server (if it runs) and start it again with these options'
complete -c monorelay -n "__fish_monorelay_needs_command" -f -a "config" -d 'Check, locate or print the configuration'
complete -c monorelay -n "__fish_monorelay_needs_command" -f -a "route" -d 'Show how a model name is routed, step by step'
complete -c monorelay -n "__fish_monorelay_needs_command" -f -a "providers" -d 'List, test and inspect upstream providers'
complete -c monorelay -n "__fish_monorelay_needs_command" -f -a "top" -d 'Watch the running server live: rates, keys, models and every request'
complete -c monorelay -n "__fish_monorelay_needs_command" -f -a "logs" -d 'The request log: tail, show, export, clear'
complete -c monorelay -n "__fish_monorelay_needs_command" -f -a "stats" -d 'Requests, errors, tokens, cost and latency from the hourly aggregates'
complete -c monorelay -n "__fish_monorelay_needs_command" -f -a "keys" -d 'Upstream keys: list, add, remove, enable, disable, import, export, reset'
complete -c monorelay -n "__fish_monorelay_needs_command" -f -a "users" -d 'Users and their relay keys: list, add, remove, passwd, role, enable, disable, keys'
complete -c monorelay -n "__fish_monorelay_needs_command" -f -a "sync" -d 'Back the config up to a private GitHub Gist or WebDAV (secrets encrypted) and bring it back'
complete -c monorelay -n "__fish_monorelay_needs_command" -f -a "service" -d 'Install, remove or inspect monorelay as a systemd (or launchd) service'
complete -c monorelay -n "__fish_monorelay_needs_command" -f -a "init" -d 'Write a first config.yml: pick a provider, paste its key (never overwrites without --force)'
complete -c monorelay -n "__fish_monorelay_needs_command" -f -a "migrate" -d 'Copy this data dir\'s database (log, stats, users) into PostgreSQL for several relays'
complete -c monorelay -n "__fish_monorelay_needs_command" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
complete -c monorelay -n "__fish_monorelay_needs_command" -f -a "man" -d 'Write the man pages into a directory'
complete -c monorelay -n "__fish_monorelay_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c monorelay -n "__fish_monorelay_using_subcommand serve" -l host -d 'Address to listen on (overrides server.host)' -r
complete -c monorelay -n "__fish_monorelay_using_subcommand serve" -l port -d 'Port to listen on (overrides server.port; 0 picks a free one)' -r
complete -c monorelay -n "__fish_monorelay_using_subcommand serve" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand serve" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand serve" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand serve" -l daemon -d 'Run in the background: return once the server listens, with its pid in <data_dir>/monorelay.pid and its log in <data_dir>/monorelay.log (see `status`, `stop`)'
complete -c monorelay -n "__fish_monorelay_using_subcommand serve" -l daemon-child -d 'Internal: the detached process `--daemon` starts'
complete -c monorelay -n "__fish_monorelay_using_subcommand serve" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand serve" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand serve" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand serve" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand serve" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand status" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand status" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand status" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand status" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand status" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand status" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand status" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand status" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand stop" -l timeout -d 'Seconds to wait for a graceful shutdown (in-flight requests finish) before the daemon is killed' -r
complete -c monorelay -n "__fish_monorelay_using_subcommand stop" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand stop" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand stop" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand stop" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand stop" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand stop" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand stop" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand stop" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand restart" -l timeout -d 'Seconds to wait for a graceful shutdown (in-flight requests finish) before the daemon is killed' -r
complete -c monorelay -n "__fish_monorelay_using_subcommand restart" -l host -d 'Address to listen on (overrides server.host)' -r
complete -c monorelay -n "__fish_monorelay_using_subcommand restart" -l port -d 'Port to listen on (overrides server.port)' -r
complete -c monorelay -n "__fish_monorelay_using_subcommand restart" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand restart" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand restart" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand restart" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand restart" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand restart" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand restart" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand restart" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and not __fish_seen_subcommand_from check show set example path import export help" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and not __fish_seen_subcommand_from check show set example path import export help" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and not __fish_seen_subcommand_from check show set example path import export help" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and not __fish_seen_subcommand_from check show set example path import export help" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and not __fish_seen_subcommand_from check show set example path import export help" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and not __fish_seen_subcommand_from check show set example path import export help" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and not __fish_seen_subcommand_from check show set example path import export help" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and not __fish_seen_subcommand_from check show set example path import export help" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and not __fish_seen_subcommand_from check show set example path import export help" -f -a "check" -d 'Load and validate the config; list every problem with its key path (exit 1 if any)'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and not __fish_seen_subcommand_from check show set example path import export help" -f -a "show" -d 'Print the config in use with every secret shown as ***'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and not __fish_seen_subcommand_from check show set example path import export help" -f -a "set" -d 'Change settings by dotted path, e.g. `logging.max_age_days=14 server.public_host=relay.lan`. A VALUE that reads as JSON (number, true/false, null, [list], {object}, "string") is that; anything else is a string; null removes the key. All are written at once into the config file (comments kept), validated, and a running server reloads it. Secrets and providers are refused (see `keys` and the config file)'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and not __fish_seen_subcommand_from check show set example path import export help" -f -a "example" -d 'Print a fully commented example config'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and not __fish_seen_subcommand_from check show set example path import export help" -f -a "path" -d 'Print which config file is used'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and not __fish_seen_subcommand_from check show set example path import export help" -f -a "import" -d 'Store FILE as the shared config in PostgreSQL (`config.source: postgres`); every running relay applies it within a second. FILE\'s own `storage` names the database'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and not __fish_seen_subcommand_from check show set example path import export help" -f -a "export" -d 'Print the shared config stored in PostgreSQL (the database the config\'s `storage` names)'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and not __fish_seen_subcommand_from check show set example path import export help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from check" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from check" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from check" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from check" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from check" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from show" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from show" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from show" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from show" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from set" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from set" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from set" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from set" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from set" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from example" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from example" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from example" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from example" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from example" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from example" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from example" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from example" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from path" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from path" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from path" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from path" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from path" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from path" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from path" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from path" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from import" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from import" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from import" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from import" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from import" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from import" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from export" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from export" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from export" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from export" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from export" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "check" -d 'Load and validate the config; list every problem with its key path (exit 1 if any)'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print the config in use with every secret shown as ***'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "set" -d 'Change settings by dotted path, e.g. `logging.max_age_days=14 server.public_host=relay.lan`. A VALUE that reads as JSON (number, true/false, null, [list], {object}, "string") is that; anything else is a string; null removes the key. All are written at once into the config file (comments kept), validated, and a running server reloads it. Secrets and providers are refused (see `keys` and the config file)'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "example" -d 'Print a fully commented example config'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "path" -d 'Print which config file is used'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "import" -d 'Store FILE as the shared config in PostgreSQL (`config.source: postgres`); every running relay applies it within a second. FILE\'s own `storage` names the database'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "export" -d 'Print the shared config stored in PostgreSQL (the database the config\'s `storage` names)'
complete -c monorelay -n "__fish_monorelay_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c monorelay -n "__fish_monorelay_using_subcommand route" -l text -d 'Conversation text, for complexity routing (`auto`)' -r
complete -c monorelay -n "__fish_monorelay_using_subcommand route" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand route" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand route" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand route" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand route" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand route" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand route" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand route" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and not __fish_seen_subcommand_from list test verify models help" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and not __fish_seen_subcommand_from list test verify models help" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and not __fish_seen_subcommand_from list test verify models help" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and not __fish_seen_subcommand_from list test verify models help" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and not __fish_seen_subcommand_from list test verify models help" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and not __fish_seen_subcommand_from list test verify models help" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and not __fish_seen_subcommand_from list test verify models help" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and not __fish_seen_subcommand_from list test verify models help" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and not __fish_seen_subcommand_from list test verify models help" -f -a "list" -d 'List providers: type, base URL, keys, models'
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and not __fish_seen_subcommand_from list test verify models help" -f -a "test" -d 'Send one small real request with every key; exit 1 if any key failed'
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and not __fish_seen_subcommand_from list test verify models help" -f -a "verify" -d 'Probe one provider with one key: text, tool call, stream; exit 1 if a check failed'
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and not __fish_seen_subcommand_from list test verify models help" -f -a "models" -d 'Fetch a provider\'s model list from its upstream (cached for /v1/models)'
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and not __fish_seen_subcommand_from list test verify models help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and __fish_seen_subcommand_from list" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and __fish_seen_subcommand_from list" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and __fish_seen_subcommand_from list" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and __fish_seen_subcommand_from list" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and __fish_seen_subcommand_from test" -l model -d 'Model to test with (default: the provider\'s test_model, else its first included model)' -r
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and __fish_seen_subcommand_from test" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and __fish_seen_subcommand_from test" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and __fish_seen_subcommand_from test" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and __fish_seen_subcommand_from test" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and __fish_seen_subcommand_from test" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and __fish_seen_subcommand_from test" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and __fish_seen_subcommand_from test" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and __fish_seen_subcommand_from test" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and __fish_seen_subcommand_from verify" -l key -d 'The key\'s label (default: the first enabled key)' -r
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and __fish_seen_subcommand_from verify" -l model -d 'Model to probe (default: the provider\'s test_model, else its first included model)' -r
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and __fish_seen_subcommand_from verify" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and __fish_seen_subcommand_from verify" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and __fish_seen_subcommand_from verify" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and __fish_seen_subcommand_from verify" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and __fish_seen_subcommand_from verify" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and __fish_seen_subcommand_from models" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and __fish_seen_subcommand_from models" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and __fish_seen_subcommand_from models" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and __fish_seen_subcommand_from models" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and __fish_seen_subcommand_from models" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and __fish_seen_subcommand_from models" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and __fish_seen_subcommand_from models" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and __fish_seen_subcommand_from models" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and __fish_seen_subcommand_from help" -f -a "list" -d 'List providers: type, base URL, keys, models'
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and __fish_seen_subcommand_from help" -f -a "test" -d 'Send one small real request with every key; exit 1 if any key failed'
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Probe one provider with one key: text, tool call, stream; exit 1 if a check failed'
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and __fish_seen_subcommand_from help" -f -a "models" -d 'Fetch a provider\'s model list from its upstream (cached for /v1/models)'
complete -c monorelay -n "__fish_monorelay_using_subcommand providers; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c monorelay -n "__fish_monorelay_using_subcommand top" -l socket -d 'The server\'s control socket (default: monorelay.sock in the data dir)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand top" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand top" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand top" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand top" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand top" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand top" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand top" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand top" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and not __fish_seen_subcommand_from tail show export clear help" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and not __fish_seen_subcommand_from tail show export clear help" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and not __fish_seen_subcommand_from tail show export clear help" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and not __fish_seen_subcommand_from tail show export clear help" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and not __fish_seen_subcommand_from tail show export clear help" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and not __fish_seen_subcommand_from tail show export clear help" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and not __fish_seen_subcommand_from tail show export clear help" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and not __fish_seen_subcommand_from tail show export clear help" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and not __fish_seen_subcommand_from tail show export clear help" -f -a "tail" -d 'Print the latest requests, one line each (oldest first); -f keeps following'
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and not __fish_seen_subcommand_from tail show export clear help" -f -a "show" -d 'Show one request: metadata, then the conversation and the answer'
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and not __fish_seen_subcommand_from tail show export clear help" -f -a "export" -d 'Export records as JSON lines or CSV'
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and not __fish_seen_subcommand_from tail show export clear help" -f -a "clear" -d 'Delete every record (the hourly stats stay)'
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and not __fish_seen_subcommand_from tail show export clear help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from tail" -s n -l lines -d 'How many past requests to print first' -r
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from tail" -l model -d 'Only models containing this text (requested or resolved)' -r
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from tail" -l provider -d 'Only this provider' -r
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from tail" -l user -d 'Only requests sent with this user\'s relay keys' -r
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from tail" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from tail" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from tail" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from tail" -s f -l follow -d 'Keep printing requests as they finish (needs a running server)'
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from tail" -l errors -d 'Only failed requests'
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from tail" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from tail" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from tail" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from tail" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from tail" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from show" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from show" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from show" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from show" -l raw -d 'Print the stored record and bodies as JSON'
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from show" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from export" -l since -d 'Start: a duration back from now (24h, 7d) or a date (2025-01-31, RFC 3339)' -r
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from export" -l until -d 'End (default: now)' -r
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from export" -l format -r -f -a "jsonl\t''
csv\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from export" -s o -l output -d 'Write to this file instead of stdout' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from export" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from export" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from export" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from export" -l bodies -d 'Include request and response bodies (JSON lines only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from export" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from export" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from clear" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from clear" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from clear" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from clear" -l yes -d 'Do not ask'
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from clear" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from clear" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from clear" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from clear" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from clear" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from help" -f -a "tail" -d 'Print the latest requests, one line each (oldest first); -f keeps following'
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one request: metadata, then the conversation and the answer'
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from help" -f -a "export" -d 'Export records as JSON lines or CSV'
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from help" -f -a "clear" -d 'Delete every record (the hourly stats stay)'
complete -c monorelay -n "__fish_monorelay_using_subcommand logs; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c monorelay -n "__fish_monorelay_using_subcommand stats" -l by -d 'Group rows by this' -r -f -a "total\t''
model\t''
provider\t''
key\t''
user\t''
hour\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand stats" -l since -d 'Start: a duration back from now (24h, 7d) or a date' -r
complete -c monorelay -n "__fish_monorelay_using_subcommand stats" -l until -d 'End (default: now)' -r
complete -c monorelay -n "__fish_monorelay_using_subcommand stats" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand stats" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand stats" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand stats" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand stats" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand stats" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand stats" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand stats" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and not __fish_seen_subcommand_from list add remove enable disable import export reset help" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and not __fish_seen_subcommand_from list add remove enable disable import export reset help" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and not __fish_seen_subcommand_from list add remove enable disable import export reset help" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and not __fish_seen_subcommand_from list add remove enable disable import export reset help" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and not __fish_seen_subcommand_from list add remove enable disable import export reset help" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and not __fish_seen_subcommand_from list add remove enable disable import export reset help" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and not __fish_seen_subcommand_from list add remove enable disable import export reset help" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and not __fish_seen_subcommand_from list add remove enable disable import export reset help" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and not __fish_seen_subcommand_from list add remove enable disable import export reset help" -f -a "list" -d 'List every upstream key with its state (never the key itself)'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and not __fish_seen_subcommand_from list add remove enable disable import export reset help" -f -a "add" -d 'Add a key to a provider in config.yml'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and not __fish_seen_subcommand_from list add remove enable disable import export reset help" -f -a "remove" -d 'Remove a key from config.yml'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and not __fish_seen_subcommand_from list add remove enable disable import export reset help" -f -a "enable" -d 'Enable a key (config.yml, and at once on the running server)'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and not __fish_seen_subcommand_from list add remove enable disable import export reset help" -f -a "disable" -d 'Disable a key (config.yml, and at once on the running server)'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and not __fish_seen_subcommand_from list add remove enable disable import export reset help" -f -a "import" -d 'Add many keys from a file (\'-\' for stdin): raw lines (`key` or `LABEL=key`, `#` comments), JSON (strings, `{key, label, weight}` objects, or label → key) or CSV (`key,label`)'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and not __fish_seen_subcommand_from list add remove enable disable import export reset help" -f -a "export" -d 'Print a provider\'s keys (they are secrets: mind where the output goes)'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and not __fish_seen_subcommand_from list add remove enable disable import export reset help" -f -a "reset" -d 'Clear cooldowns, failures and invalid marks on the running server'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and not __fish_seen_subcommand_from list add remove enable disable import export reset help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from list" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from list" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from list" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from list" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from add" -l label -r
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from add" -l weight -r
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from add" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from add" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from add" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from add" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from add" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from remove" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from remove" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from remove" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from remove" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from enable" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from enable" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from enable" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from enable" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from enable" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from enable" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from enable" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from enable" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from disable" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from disable" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from disable" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from disable" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from disable" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from disable" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from disable" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from disable" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from import" -l format -d 'Default: from the file extension, else raw' -r -f -a "raw\t''
json\t''
csv\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from import" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from import" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from import" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from import" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from import" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from import" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from export" -l format -r -f -a "raw\t''
json\t''
csv\t''
env\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from export" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from export" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from export" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from export" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from export" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from reset" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from reset" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from reset" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from reset" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from reset" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from reset" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from reset" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from reset" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "list" -d 'List every upstream key with its state (never the key itself)'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a key to a provider in config.yml'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a key from config.yml'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "enable" -d 'Enable a key (config.yml, and at once on the running server)'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "disable" -d 'Disable a key (config.yml, and at once on the running server)'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "import" -d 'Add many keys from a file (\'-\' for stdin): raw lines (`key` or `LABEL=key`, `#` comments), JSON (strings, `{key, label, weight}` objects, or label → key) or CSV (`key,label`)'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "export" -d 'Print a provider\'s keys (they are secrets: mind where the output goes)'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "reset" -d 'Clear cooldowns, failures and invalid marks on the running server'
complete -c monorelay -n "__fish_monorelay_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and not __fish_seen_subcommand_from list add remove passwd role enable disable keys invite help" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and not __fish_seen_subcommand_from list add remove passwd role enable disable keys invite help" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and not __fish_seen_subcommand_from list add remove passwd role enable disable keys invite help" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and not __fish_seen_subcommand_from list add remove passwd role enable disable keys invite help" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and not __fish_seen_subcommand_from list add remove passwd role enable disable keys invite help" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and not __fish_seen_subcommand_from list add remove passwd role enable disable keys invite help" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and not __fish_seen_subcommand_from list add remove passwd role enable disable keys invite help" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and not __fish_seen_subcommand_from list add remove passwd role enable disable keys invite help" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and not __fish_seen_subcommand_from list add remove passwd role enable disable keys invite help" -f -a "list" -d 'List users'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and not __fish_seen_subcommand_from list add remove passwd role enable disable keys invite help" -f -a "add" -d 'Add a user (works with or without a running server)'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and not __fish_seen_subcommand_from list add remove passwd role enable disable keys invite help" -f -a "remove" -d 'Remove a user with their relay keys and sessions'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and not __fish_seen_subcommand_from list add remove passwd role enable disable keys invite help" -f -a "passwd" -d 'Set a user\'s password (ends their sessions)'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and not __fish_seen_subcommand_from list add remove passwd role enable disable keys invite help" -f -a "role" -d 'Change a user\'s role'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and not __fish_seen_subcommand_from list add remove passwd role enable disable keys invite help" -f -a "enable" -d 'Let a user sign in and use their relay keys again'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and not __fish_seen_subcommand_from list add remove passwd role enable disable keys invite help" -f -a "disable" -d 'Stop a user: sign-in and their relay keys are refused'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and not __fish_seen_subcommand_from list add remove passwd role enable disable keys invite help" -f -a "keys" -d 'Relay keys of users: list, create, revoke'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and not __fish_seen_subcommand_from list add remove passwd role enable disable keys invite help" -f -a "invite" -d 'Make an invite code for SSO sign-up under `sso.registration: invite` (printed this once; the person signs in at /api/auth/sso/PROVIDER/login?invite=CODE)'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and not __fish_seen_subcommand_from list add remove passwd role enable disable keys invite help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from list" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from list" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from list" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from list" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from add" -l role -d 'user, admin or super-admin' -r
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from add" -l email -r
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from add" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from add" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from add" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from add" -l password-stdin -d 'Read the password from the first line of stdin instead of a prompt'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from add" -l no-password -d 'Create the user without a password (SSO sign-in only, or set one later with `passwd`)'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from add" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from add" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from remove" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from remove" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from remove" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from remove" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from passwd" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from passwd" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from passwd" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from passwd" -l password-stdin -d 'Read the password from the first line of stdin instead of a prompt'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from passwd" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from passwd" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from passwd" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from passwd" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from passwd" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from role" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from role" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from role" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from role" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from role" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from role" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from role" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from role" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from enable" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from enable" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from enable" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from enable" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from enable" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from enable" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from enable" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from enable" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from disable" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from disable" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from disable" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from disable" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from disable" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from disable" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from disable" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from disable" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from keys" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from keys" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from keys" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from keys" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from keys" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from keys" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from keys" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from keys" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from keys" -f -a "list" -d 'List relay keys (never the keys themselves), of one user or of all'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from keys" -f -a "create" -d 'Create a relay key for a user; the key is printed this once'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from keys" -f -a "revoke" -d 'Revoke a relay key by its prefix (as listed)'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from keys" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from invite" -l role -d 'The role the new account gets: user or admin' -r
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from invite" -l expires-hours -d 'Hours the code stays good (default 168, a week)' -r
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from invite" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from invite" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from invite" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from invite" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from invite" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from invite" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from invite" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from invite" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "list" -d 'List users'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a user (works with or without a running server)'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a user with their relay keys and sessions'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "passwd" -d 'Set a user\'s password (ends their sessions)'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "role" -d 'Change a user\'s role'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "enable" -d 'Let a user sign in and use their relay keys again'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "disable" -d 'Stop a user: sign-in and their relay keys are refused'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "keys" -d 'Relay keys of users: list, create, revoke'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "invite" -d 'Make an invite code for SSO sign-up under `sso.registration: invite` (printed this once; the person signs in at /api/auth/sso/PROVIDER/login?invite=CODE)'
complete -c monorelay -n "__fish_monorelay_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and not __fish_seen_subcommand_from setup push pull diff status history help" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and not __fish_seen_subcommand_from setup push pull diff status history help" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and not __fish_seen_subcommand_from setup push pull diff status history help" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and not __fish_seen_subcommand_from setup push pull diff status history help" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and not __fish_seen_subcommand_from setup push pull diff status history help" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and not __fish_seen_subcommand_from setup push pull diff status history help" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and not __fish_seen_subcommand_from setup push pull diff status history help" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and not __fish_seen_subcommand_from setup push pull diff status history help" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and not __fish_seen_subcommand_from setup push pull diff status history help" -f -a "setup" -d 'Verify the GitHub token, find the private Gist "MonoRelay Configuration" or create it, and record its id (sync.gist_id). The token comes from MONORELAY_GITHUB_TOKEN / GITHUB_TOKEN, or --token-stdin (then stored 0600 in the data dir, never printed)'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and not __fish_seen_subcommand_from setup push pull diff status history help" -f -a "push" -d 'Push config.yml (secrets replaced by references) and secrets.age (encrypted under MONORELAY_SYNC_PASSPHRASE or the passphrase prompted for; without one secrets are not pushed). Refused when the remote changed since the last sync, unless --force'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and not __fish_seen_subcommand_from setup push pull diff status history help" -f -a "pull" -d 'Fetch, decrypt, check and write the remote config (a timestamped backup is kept), then reload the running server. Refused over local edits made since the last sync, unless --force'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and not __fish_seen_subcommand_from setup push pull diff status history help" -f -a "diff" -d 'Show what a pull would change (secrets shown as references)'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and not __fish_seen_subcommand_from setup push pull diff status history help" -f -a "status" -d 'Where sync stands: Gist, token source, versions, last push/pull, last error'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and not __fish_seen_subcommand_from setup push pull diff status history help" -f -a "history" -d 'The Gist\'s revisions, newest first (restore one with `pull --revision SHA`)'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and not __fish_seen_subcommand_from setup push pull diff status history help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from setup" -l api-base -d 'GitHub API base URL when the config sets no sync.api_base (GitHub Enterprise: https://HOST/api/v3)' -r
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from setup" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from setup" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from setup" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from setup" -l token-stdin -d 'Read the GitHub token from stdin and keep it in the data dir (mode 0600)'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from setup" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from setup" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from setup" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from setup" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from setup" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from push" -l to -d 'Where to push' -r -f -a "gist\t''
webdav\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from push" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from push" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from push" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from push" -l force -d 'Overwrite the remote even if it changed since the last sync'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from push" -l with-stats -d 'Also push a stats snapshot (stats.json, last 24 h)'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from push" -l passphrase-stdin -d 'Read the passphrase from stdin (else MONORELAY_SYNC_PASSPHRASE, else a prompt in a terminal)'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from push" -l no-passphrase -d 'Do not ask for a passphrase: push without secrets / keep the local ones on pull'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from push" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from push" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from push" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from push" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from push" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from pull" -l from -d 'Where to pull from' -r -f -a "gist\t''
webdav\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from pull" -l revision -d 'A Gist revision (see `sync history`) instead of the latest' -r
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from pull" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from pull" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from pull" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from pull" -l force -d 'Replace the local config even if it was edited since the last sync'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from pull" -l dry-run -d 'Show what would change; write nothing'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from pull" -l passphrase-stdin -d 'Read the passphrase from stdin (else MONORELAY_SYNC_PASSPHRASE, else a prompt in a terminal)'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from pull" -l no-passphrase -d 'Do not ask for a passphrase: push without secrets / keep the local ones on pull'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from pull" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from pull" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from pull" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from pull" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from pull" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from diff" -l from -r -f -a "gist\t''
webdav\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from diff" -l revision -r
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from diff" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from diff" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from diff" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from diff" -l passphrase-stdin -d 'Read the passphrase from stdin (else MONORELAY_SYNC_PASSPHRASE, else a prompt in a terminal)'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from diff" -l no-passphrase -d 'Do not ask for a passphrase: push without secrets / keep the local ones on pull'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from diff" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from diff" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from diff" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from diff" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from diff" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from status" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from status" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from status" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from status" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from status" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from history" -l limit -d 'At most this many revisions' -r
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from history" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from history" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from history" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from history" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from history" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from history" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from history" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from history" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from help" -f -a "setup" -d 'Verify the GitHub token, find the private Gist "MonoRelay Configuration" or create it, and record its id (sync.gist_id). The token comes from MONORELAY_GITHUB_TOKEN / GITHUB_TOKEN, or --token-stdin (then stored 0600 in the data dir, never printed)'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from help" -f -a "push" -d 'Push config.yml (secrets replaced by references) and secrets.age (encrypted under MONORELAY_SYNC_PASSPHRASE or the passphrase prompted for; without one secrets are not pushed). Refused when the remote changed since the last sync, unless --force'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from help" -f -a "pull" -d 'Fetch, decrypt, check and write the remote config (a timestamped backup is kept), then reload the running server. Refused over local edits made since the last sync, unless --force'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from help" -f -a "diff" -d 'Show what a pull would change (secrets shown as references)'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from help" -f -a "status" -d 'Where sync stands: Gist, token source, versions, last push/pull, last error'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from help" -f -a "history" -d 'The Gist\'s revisions, newest first (restore one with `pull --revision SHA`)'
complete -c monorelay -n "__fish_monorelay_using_subcommand sync; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and not __fish_seen_subcommand_from install uninstall status help" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and not __fish_seen_subcommand_from install uninstall status help" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and not __fish_seen_subcommand_from install uninstall status help" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and not __fish_seen_subcommand_from install uninstall status help" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and not __fish_seen_subcommand_from install uninstall status help" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and not __fish_seen_subcommand_from install uninstall status help" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and not __fish_seen_subcommand_from install uninstall status help" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and not __fish_seen_subcommand_from install uninstall status help" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and not __fish_seen_subcommand_from install uninstall status help" -f -a "install" -d 'Write the unit (or plist), enable and start it'
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and not __fish_seen_subcommand_from install uninstall status help" -f -a "uninstall" -d 'Stop and disable the service and remove its unit (the data dir is kept)'
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and not __fish_seen_subcommand_from install uninstall status help" -f -a "status" -d 'Whether the unit is installed and what the service manager says about it'
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and not __fish_seen_subcommand_from install uninstall status help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and __fish_seen_subcommand_from install" -l manager -d 'Service manager (default: launchd on macOS, systemd elsewhere)' -r -f -a "systemd\t''
launchd\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and __fish_seen_subcommand_from install" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and __fish_seen_subcommand_from install" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and __fish_seen_subcommand_from install" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and __fish_seen_subcommand_from install" -l user -d 'A unit for your user only (systemd --user / a LaunchAgent) instead of a system service'
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and __fish_seen_subcommand_from install" -l dry-run -d 'Print the unit and the commands instead of running them'
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and __fish_seen_subcommand_from install" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and __fish_seen_subcommand_from install" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and __fish_seen_subcommand_from install" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and __fish_seen_subcommand_from install" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and __fish_seen_subcommand_from install" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and __fish_seen_subcommand_from uninstall" -l manager -d 'Service manager (default: launchd on macOS, systemd elsewhere)' -r -f -a "systemd\t''
launchd\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and __fish_seen_subcommand_from uninstall" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and __fish_seen_subcommand_from uninstall" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and __fish_seen_subcommand_from uninstall" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and __fish_seen_subcommand_from uninstall" -l user -d 'A unit for your user only (systemd --user / a LaunchAgent) instead of a system service'
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and __fish_seen_subcommand_from uninstall" -l dry-run -d 'Print the unit and the commands instead of running them'
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and __fish_seen_subcommand_from uninstall" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and __fish_seen_subcommand_from uninstall" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and __fish_seen_subcommand_from uninstall" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and __fish_seen_subcommand_from uninstall" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and __fish_seen_subcommand_from uninstall" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and __fish_seen_subcommand_from status" -l manager -d 'Service manager (default: launchd on macOS, systemd elsewhere)' -r -f -a "systemd\t''
launchd\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and __fish_seen_subcommand_from status" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and __fish_seen_subcommand_from status" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and __fish_seen_subcommand_from status" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and __fish_seen_subcommand_from status" -l user -d 'A unit for your user only (systemd --user / a LaunchAgent) instead of a system service'
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and __fish_seen_subcommand_from status" -l dry-run -d 'Print the unit and the commands instead of running them'
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and __fish_seen_subcommand_from status" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and __fish_seen_subcommand_from status" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and __fish_seen_subcommand_from help" -f -a "install" -d 'Write the unit (or plist), enable and start it'
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and __fish_seen_subcommand_from help" -f -a "uninstall" -d 'Stop and disable the service and remove its unit (the data dir is kept)'
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and __fish_seen_subcommand_from help" -f -a "status" -d 'Whether the unit is installed and what the service manager says about it'
complete -c monorelay -n "__fish_monorelay_using_subcommand service; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c monorelay -n "__fish_monorelay_using_subcommand init" -l provider -d 'The first provider (a preset: openrouter, openai, anthropic, deepseek, groq, nvidia)' -r -f -a "openrouter\t''
openai\t''
anthropic\t''
deepseek\t''
groq\t''
nvidia\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand init" -l key-env -d 'Reference an environment variable holding the key instead (written as ${NAME})' -r
complete -c monorelay -n "__fish_monorelay_using_subcommand init" -l output -d 'Where to write (default: --config, else ./config.yml)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand init" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand init" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand init" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand init" -l key-stdin -d 'Read the provider\'s key(s) from stdin, one per line'
complete -c monorelay -n "__fish_monorelay_using_subcommand init" -l force -d 'Replace an existing file'
complete -c monorelay -n "__fish_monorelay_using_subcommand init" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand init" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand init" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand init" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand init" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand migrate" -l to -d 'Where to copy the data dir\'s database to' -r -f -a "postgres\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand migrate" -l postgres-url -d 'The database (default: the config\'s storage.postgres_url)' -r
complete -c monorelay -n "__fish_monorelay_using_subcommand migrate" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand migrate" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand migrate" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand migrate" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand migrate" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand migrate" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand migrate" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand migrate" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand completions" -l dir -d 'Write the scripts for every shell into DIR instead (monorelay.bash, _monorelay, monorelay.fish, _monorelay.ps1, monorelay.elv)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand completions" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand completions" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand completions" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand completions" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand completions" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand completions" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand completions" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand completions" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand man" -l config -d 'Config file (default: ./config.yml if it exists, else the embedded default)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand man" -l data-dir -d 'Where the access key, database and control socket live (default: server.data_dir, else ./data)' -r -F
complete -c monorelay -n "__fish_monorelay_using_subcommand man" -l log-format -d 'Log line format' -r -f -a "human\t''
json\t''"
complete -c monorelay -n "__fish_monorelay_using_subcommand man" -s v -l verbose -d 'More log output (-v debug, -vv trace)'
complete -c monorelay -n "__fish_monorelay_using_subcommand man" -s q -l quiet -d 'Less log output (-q warnings only, -qq errors only)'
complete -c monorelay -n "__fish_monorelay_using_subcommand man" -l json -d 'Print data as JSON instead of text'
complete -c monorelay -n "__fish_monorelay_using_subcommand man" -s h -l help -d 'Print help'
complete -c monorelay -n "__fish_monorelay_using_subcommand man" -s V -l version -d 'Print version'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and not __fish_seen_subcommand_from serve status stop restart config route providers top logs stats keys users sync service init migrate completions man help" -f -a "serve" -d 'Run the relay server (in the foreground, or in the background with --daemon)'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and not __fish_seen_subcommand_from serve status stop restart config route providers top logs stats keys users sync service init migrate completions man help" -f -a "status" -d 'Is the server running? Pid, version, uptime, address, config and the last minute\'s requests (exit 3 when not running)'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and not __fish_seen_subcommand_from serve status stop restart config route providers top logs stats keys users sync service init migrate completions man help" -f -a "stop" -d 'Stop the background server: graceful first, killed after --timeout'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and not __fish_seen_subcommand_from serve status stop restart config route providers top logs stats keys users sync service init migrate completions man help" -f -a "restart" -d 'Stop the background server (if it runs) and start it again with these options'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and not __fish_seen_subcommand_from serve status stop restart config route providers top logs stats keys users sync service init migrate completions man help" -f -a "config" -d 'Check, locate or print the configuration'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and not __fish_seen_subcommand_from serve status stop restart config route providers top logs stats keys users sync service init migrate completions man help" -f -a "route" -d 'Show how a model name is routed, step by step'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and not __fish_seen_subcommand_from serve status stop restart config route providers top logs stats keys users sync service init migrate completions man help" -f -a "providers" -d 'List, test and inspect upstream providers'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and not __fish_seen_subcommand_from serve status stop restart config route providers top logs stats keys users sync service init migrate completions man help" -f -a "top" -d 'Watch the running server live: rates, keys, models and every request'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and not __fish_seen_subcommand_from serve status stop restart config route providers top logs stats keys users sync service init migrate completions man help" -f -a "logs" -d 'The request log: tail, show, export, clear'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and not __fish_seen_subcommand_from serve status stop restart config route providers top logs stats keys users sync service init migrate completions man help" -f -a "stats" -d 'Requests, errors, tokens, cost and latency from the hourly aggregates'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and not __fish_seen_subcommand_from serve status stop restart config route providers top logs stats keys users sync service init migrate completions man help" -f -a "keys" -d 'Upstream keys: list, add, remove, enable, disable, import, export, reset'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and not __fish_seen_subcommand_from serve status stop restart config route providers top logs stats keys users sync service init migrate completions man help" -f -a "users" -d 'Users and their relay keys: list, add, remove, passwd, role, enable, disable, keys'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and not __fish_seen_subcommand_from serve status stop restart config route providers top logs stats keys users sync service init migrate completions man help" -f -a "sync" -d 'Back the config up to a private GitHub Gist or WebDAV (secrets encrypted) and bring it back'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and not __fish_seen_subcommand_from serve status stop restart config route providers top logs stats keys users sync service init migrate completions man help" -f -a "service" -d 'Install, remove or inspect monorelay as a systemd (or launchd) service'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and not __fish_seen_subcommand_from serve status stop restart config route providers top logs stats keys users sync service init migrate completions man help" -f -a "init" -d 'Write a first config.yml: pick a provider, paste its key (never overwrites without --force)'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and not __fish_seen_subcommand_from serve status stop restart config route providers top logs stats keys users sync service init migrate completions man help" -f -a "migrate" -d 'Copy this data dir\'s database (log, stats, users) into PostgreSQL for several relays'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and not __fish_seen_subcommand_from serve status stop restart config route providers top logs stats keys users sync service init migrate completions man help" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and not __fish_seen_subcommand_from serve status stop restart config route providers top logs stats keys users sync service init migrate completions man help" -f -a "man" -d 'Write the man pages into a directory'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and not __fish_seen_subcommand_from serve status stop restart config route providers top logs stats keys users sync service init migrate completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "check" -d 'Load and validate the config; list every problem with its key path (exit 1 if any)'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Print the config in use with every secret shown as ***'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "set" -d 'Change settings by dotted path, e.g. `logging.max_age_days=14 server.public_host=relay.lan`. A VALUE that reads as JSON (number, true/false, null, [list], {object}, "string") is that; anything else is a string; null removes the key. All are written at once into the config file (comments kept), validated, and a running server reloads it. Secrets and providers are refused (see `keys` and the config file)'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "example" -d 'Print a fully commented example config'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "path" -d 'Print which config file is used'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "import" -d 'Store FILE as the shared config in PostgreSQL (`config.source: postgres`); every running relay applies it within a second. FILE\'s own `storage` names the database'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "export" -d 'Print the shared config stored in PostgreSQL (the database the config\'s `storage` names)'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from providers" -f -a "list" -d 'List providers: type, base URL, keys, models'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from providers" -f -a "test" -d 'Send one small real request with every key; exit 1 if any key failed'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from providers" -f -a "verify" -d 'Probe one provider with one key: text, tool call, stream; exit 1 if a check failed'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from providers" -f -a "models" -d 'Fetch a provider\'s model list from its upstream (cached for /v1/models)'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from logs" -f -a "tail" -d 'Print the latest requests, one line each (oldest first); -f keeps following'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from logs" -f -a "show" -d 'Show one request: metadata, then the conversation and the answer'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from logs" -f -a "export" -d 'Export records as JSON lines or CSV'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from logs" -f -a "clear" -d 'Delete every record (the hourly stats stay)'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "list" -d 'List every upstream key with its state (never the key itself)'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "add" -d 'Add a key to a provider in config.yml'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "remove" -d 'Remove a key from config.yml'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "enable" -d 'Enable a key (config.yml, and at once on the running server)'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "disable" -d 'Disable a key (config.yml, and at once on the running server)'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "import" -d 'Add many keys from a file (\'-\' for stdin): raw lines (`key` or `LABEL=key`, `#` comments), JSON (strings, `{key, label, weight}` objects, or label → key) or CSV (`key,label`)'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "export" -d 'Print a provider\'s keys (they are secrets: mind where the output goes)'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "reset" -d 'Clear cooldowns, failures and invalid marks on the running server'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "list" -d 'List users'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "add" -d 'Add a user (works with or without a running server)'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "remove" -d 'Remove a user with their relay keys and sessions'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "passwd" -d 'Set a user\'s password (ends their sessions)'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "role" -d 'Change a user\'s role'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "enable" -d 'Let a user sign in and use their relay keys again'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "disable" -d 'Stop a user: sign-in and their relay keys are refused'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "keys" -d 'Relay keys of users: list, create, revoke'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "invite" -d 'Make an invite code for SSO sign-up under `sso.registration: invite` (printed this once; the person signs in at /api/auth/sso/PROVIDER/login?invite=CODE)'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from sync" -f -a "setup" -d 'Verify the GitHub token, find the private Gist "MonoRelay Configuration" or create it, and record its id (sync.gist_id). The token comes from MONORELAY_GITHUB_TOKEN / GITHUB_TOKEN, or --token-stdin (then stored 0600 in the data dir, never printed)'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from sync" -f -a "push" -d 'Push config.yml (secrets replaced by references) and secrets.age (encrypted under MONORELAY_SYNC_PASSPHRASE or the passphrase prompted for; without one secrets are not pushed). Refused when the remote changed since the last sync, unless --force'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from sync" -f -a "pull" -d 'Fetch, decrypt, check and write the remote config (a timestamped backup is kept), then reload the running server. Refused over local edits made since the last sync, unless --force'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from sync" -f -a "diff" -d 'Show what a pull would change (secrets shown as references)'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from sync" -f -a "status" -d 'Where sync stands: Gist, token source, versions, last push/pull, last error'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from sync" -f -a "history" -d 'The Gist\'s revisions, newest first (restore one with `pull --revision SHA`)'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from service" -f -a "install" -d 'Write the unit (or plist), enable and start it'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from service" -f -a "uninstall" -d 'Stop and disable the service and remove its unit (the data dir is kept)'
complete -c monorelay -n "__fish_monorelay_using_subcommand help; and __fish_seen_subcommand_from service" -f -a "status" -d 'Whether the unit is installed and what the service manager says about it'
