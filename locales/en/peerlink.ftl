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
