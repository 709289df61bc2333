// zap (Debian's golang-go.uber-zap-dev), production JSON: `error` and `stacktrace` fields, the
// session as a flat field or a nested object.
package main

import (
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"corpus/shop"
	"corpus/truth"
)

type orSession struct{ id string }

func (s orSession) MarshalLogObject(enc zapcore.ObjectEncoder) error {
	enc.AddString("id", s.id)
	return nil
}

func main() {
	logger, _ := zap.NewProduction()
	defer logger.Sync()
	for _, r := range truth.Requests() {
		truth.Begin(r)
		field := zap.String("openReplaySession.id", r.SessionID)
		if r.Style == "nested-id" {
			field = zap.Object("openReplaySession", orSession{r.SessionID})
		}
		log := logger.With(field)
		truth.Call("info", nil)
		log.Info("profile requested", zap.String("path", "/profile"))
		if r.Scenario == "ok" {
			continue
		}
		if err := shop.Profile(7); err != nil {
			// One line: the truth's frames and zap's stacktrace are taken at the same call.
			truth.Call("error", truth.FromError(err, truth.Here())); log.Error("profile failed", zap.Error(err))
		}
	}
}
