/** Copyright 2026 The claims suite authors
 *  License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */
import { Activity } from "@mail/core/web/activity";
import { patch } from "@web/core/utils/patch";

/** Buttons answering a workflow question right on the activity. */
patch(Activity.prototype, {
    async onClickWorkflowAnswer(option) {
        const thread = this.thread;
        await this.env.services.orm.call("mail.activity", "action_workflow_answer", [
            [this.props.activity.id],
            option.id,
        ]);
        this.props.activity.remove();
        this.props.onActivityChanged(thread);
        await thread.fetchNewMessages();
    },
});
