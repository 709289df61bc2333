// log/slog's predecessor golang.org/x/exp/slog (Debian's golang-golang-x-exp-dev; Go 1.19 has
// no log/slog): JSON handler, the error under "err", the session under OpenReplay's name.
package main

import (
	"os"

	"golang.org/x/exp/slog"

	"corpus/shop"
	"corpus/truth"
)

func main() {
	logger := slog.New(slog.NewJSONHandler(os.Stdout))
	for _, r := range truth.Requests() {
		truth.Begin(r)
		log := logger.With("openReplaySession.id", r.SessionID)
		if r.Style == "token" {
			log = logger.With("openReplaySessionToken", r.Token)
		}
		truth.Call("info", nil)
		log.Info("avatar requested", "path", "/avatar")
		if r.Scenario == "ok" {
			continue
		}
		if err := shop.Profile(9); err != nil {
			truth.Call("error", truth.FromError(err, []truth.Frame{})); log.Error("avatar failed", err)
		}
	}
}
