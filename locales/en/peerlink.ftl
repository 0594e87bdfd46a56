# peerlink message catalog: English (the reference; every other language has the same IDs).
# Markup: `code` spans and line breaks. Arguments are escaped by the bot.

## !help

help-intro = I am peerlink, the bot of the network of national mechanisms for implementation, reporting and follow-up. Commands:
help-entry = { $usage } — { $summary }
help-footer = Send { $help } followed by a command name for details, for example { $example }.
help-detail = { $usage }
    { $summary }
help-unknown-topic = There is no command { $command }. Send { $help } for the list.

## Command summaries (shown by !help)

summary-help = list the commands, or explain one
summary-ping = check that the bot is up and answering

## Replies

pong = Pong! peerlink is up and answering.

## Errors

unknown-command = I don't know the command { $command }. Send { $help } to see what I can do.
command-usage = Usage: { $usage }
problem-no-arguments = { $command } takes no arguments.
problem-too-many-arguments = { $command } takes at most { $max ->
        [one] one argument
       *[other] { $max } arguments
    }.
internal-error = Sorry, something went wrong while handling your command. It has been logged; please try again in a moment.

## Rooms created by provisioning (names and topics)

room-space-name = { $network }
room-space-topic = { $network_full }: plenary, regional peer-learning rooms and Executive Committee.
room-plenary-name = { $network } — Plenary
room-plenary-topic = Plenary of the network: announcements and discussion for all member and observer states.
room-regional-name = { $network } — { $region }
room-regional-topic = Peer-learning room of the { $region }. Delegates of every region are welcome.
room-committee-name = { $network } — Executive Committee
room-committee-topic = Executive Committee of the network: cooperation requests are triaged here. Committee delegates only.
